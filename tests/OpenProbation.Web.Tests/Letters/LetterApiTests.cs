using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Letters;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Features.Letters;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Letters;

/// <summary>
/// Letters (immutable line 6, one event one letter): a warning or breach decision makes its letter with it; an
/// appointment's letter is made once whoever asks; each is kept with the day sent and how. Today is Monday 23 November 2026.
/// </summary>
public abstract class LetterApiTests(AppFixture app)
{
    private static object Absence(SupervisedCase @case, string startsAt) => new
    {
        type = "HomeVisit", startsAt, durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, isEnforceable = true,
        outcome = "UnacceptableAbsence", outcomeNotes = "Not at home at the arranged time",
    };

    private static async Task<FailureToComplyDto> FailureAsync(HttpClient client, SupervisedCase @case, string startsAt)
    {
        await TestData.Created<AppointmentDto>(await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Absence(@case, startsAt)));
        return (await (await client.GetAsync($"/api/v1/people/{@case.Crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items[0];
    }

    private static async Task<IReadOnlyList<LetterDto>> LettersAsync(HttpClient client, string crn) =>
        (await (await client.GetAsync($"/api/v1/people/{crn}/letters")).ReadAsync<PagedList<LetterDto>>()).Items;

    [Fact]
    public async Task A_warning_makes_its_letter_which_is_kept_with_the_day_sent_and_how_and_a_breach_makes_a_breach_letter()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var first = await FailureAsync(manager, @case, "2026-11-16T10:00:00Z");

        await (await manager.PostJsonAsync($"/api/v1/enforcement/{first.Id}/decision", new { decision = "Warning" }, version: first.Version)).ReadAsync<FailureToComplyDto>();

        var warning = Assert.Single(await LettersAsync(manager, @case.Crn));
        Assert.Equal((LetterKind.Warning, LetterEvents.Warning(first.Id), (int?)first.Id, (DateOnly?)null), (warning.Kind, warning.EventKey, warning.FailureToComplyId, warning.SentOn));
        var words = string.Join(" ", warning.Paragraphs);
        Assert.Contains("30 November 2026", words, StringComparison.Ordinal);
        Assert.Contains("16 November 2026", words, StringComparison.Ordinal);

        var pdf = await manager.GetAsync($"/api/v1/letters/{warning.Id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..8], StringComparison.Ordinal);

        var noHow = await (await manager.PostJsonAsync($"/api/v1/letters/{warning.Id}/sending", new { sentOn = "2026-11-23" }, version: warning.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["how"], noHow.ErrorFields());
        var future = await (await manager.PostJsonAsync($"/api/v1/letters/{warning.Id}/sending", new { sentOn = "2026-11-24", how = "Post" }, version: warning.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["sentOn"], future.ErrorFields());
        var sent = await (await manager.PostJsonAsync($"/api/v1/letters/{warning.Id}/sending", new { sentOn = "2026-11-23", how = "Post" }, version: warning.Version))
            .ReadAsync<LetterDto>();
        Assert.Equal(((DateOnly?)new DateOnly(2026, 11, 23), (LetterDelivery?)LetterDelivery.Post), (sent.SentOn, sent.SentHow));
        var again = await (await manager.PostJsonAsync($"/api/v1/letters/{warning.Id}/sending", new { sentOn = "2026-11-23", how = "Email" }, version: sent.Version))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("letter-already-sent", again.GetProperty("rule").GetString());

        var second = await FailureAsync(manager, @case, "2026-11-23T08:00:00Z");
        await (await manager.PostJsonAsync($"/api/v1/enforcement/{second.Id}/decision", new { decision = "Breach" }, version: second.Version)).ReadAsync<FailureToComplyDto>();
        var breach = (await LettersAsync(manager, @case.Crn)).Single(l => l.Kind == LetterKind.Breach);
        Assert.Equal(LetterEvents.Breach(second.Id), breach.EventKey);
        Assert.Contains("16 November 2026", string.Join(" ", breach.Paragraphs), StringComparison.Ordinal);
        Assert.Contains("23 November 2026", string.Join(" ", breach.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_users_deciding_the_same_failure_at_once_make_one_decision_and_one_letter()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var failure = await FailureAsync(manager, @case, "2026-11-19T10:00:00Z");
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);

        var answers = await Task.WhenAll(
            manager.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/decision", new { decision = "Warning" }, version: failure.Version),
            officer.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/decision", new { decision = "Warning" }, version: failure.Version));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True((int)a.StatusCode is 409 or 412, a.StatusCode.ToString()));
        await app.WithDbAsync(async db => Assert.Equal(1, await db.Letters.CountAsync(l => l.FailureToComplyId == failure.Id)));
    }

    [Fact]
    public async Task An_appointment_letter_is_made_once_whoever_asks_and_however_often()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var booked = (await TestData.Created<AppointmentsArrangedDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", new
        {
            type = "HomeVisit", startsAt = "2026-11-26T10:00:00Z", durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
        }))).Appointments[0];
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);

        var answers = await Task.WhenAll(
            manager.PostJsonAsync("/api/v1/letters", new { appointmentId = booked.Id }),
            officer.PostJsonAsync("/api/v1/letters", new { appointmentId = booked.Id }));
        var again = await manager.PostJsonAsync("/api/v1/letters", new { appointmentId = booked.Id });

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var ids = new List<int>();
        foreach (var answer in answers.Append(again))
        {
            ids.Add((await answer.ReadAsync<LetterDto>()).Id);
        }

        Assert.Single(ids.Distinct());
        var letter = Assert.Single(await LettersAsync(manager, @case.Crn));
        Assert.Equal((LetterKind.Appointment, (int?)booked.Id), (letter.Kind, letter.AppointmentId));
        Assert.Contains("Thursday 26 November 2026", string.Join(" ", letter.Paragraphs), StringComparison.Ordinal);

        var unknown = await (await manager.PostJsonAsync("/api/v1/letters", new { appointmentId = 999999 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["appointmentId"], unknown.ErrorFields());
        await (await manager.GetAsync("/api/v1/letters/999999")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class LetterApiTests_Sqlite(SqliteApp app) : LetterApiTests(app), IClassFixture<SqliteApp>;

public sealed class LetterApiTests_Postgres(PostgresApp app) : LetterApiTests(app), IClassFixture<PostgresApp>;
