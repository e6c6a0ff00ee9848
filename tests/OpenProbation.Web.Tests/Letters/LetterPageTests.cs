using System.Net;
using System.Text.RegularExpressions;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Letters;

/// <summary>Letters on the pages: the warning letter from the failure page, recording it as sent, and an appointment's one letter.</summary>
public abstract partial class LetterPageTests(PagesAppFixture app)
{
    [GeneratedRegex("href=\"/letters/(\\d+)\"")]
    private static partial Regex LetterLink();

    [Fact]
    public async Task The_warning_letter_is_on_the_failure_page_and_recorded_as_sent_keeping_what_was_typed_and_an_appointment_has_one_letter()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", new
        {
            type = "HomeVisit", startsAt = "2026-11-19T10:00:00Z", durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
            isEnforceable = true, outcome = "UnacceptableAbsence", outcomeNotes = "Not at home",
        }));
        var failure = (await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items[0];
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var page = $"/people/{@case.Crn}/enforcement/{failure.Id}";
        await session.PostAsync($"{page}?handler=Decide", [new("Input.Version", "1"), new("Input.Decision", "Warning")], formPage: page);

        var (_, decided) = await session.GetAsync(page);
        var letter = $"/letters/{LetterLink().Match(decided).Groups[1].Value}";
        Assert.Contains("Warning letter", decided, StringComparison.Ordinal);
        var (_, letterHtml) = await session.GetAsync(letter);
        Assert.Contains("Formal warning", letterHtml, StringComparison.Ordinal);
        Assert.Contains("Monday 30 November 2026", letterHtml, StringComparison.Ordinal);
        var (pdf, _) = await session.GetAsync($"{letter}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var (refused, refusedHtml) = await session.PostAsync(letter,
            [new("Input.Version", "1"), new("Input.SentOn.Day", "23"), new("Input.SentOn.Month", "11"), new("Input.SentOn.Year", "2026")], formPage: letter);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Input_How\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"23\"", refusedHtml, StringComparison.Ordinal);
        var (sent, _) = await session.PostAsync(letter,
            [new("Input.Version", "1"), new("Input.SentOn.Day", "23"), new("Input.SentOn.Month", "11"), new("Input.SentOn.Year", "2026"), new("Input.How", "HandedToPerson")],
            formPage: letter);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, record) = await session.GetAsync($"/people/{@case.Crn}");
        Assert.Contains("sent 23 Nov 2026, handed to the person", record, StringComparison.Ordinal);

        var booked = (await TestData.Created<AppointmentsArrangedDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", new
        {
            type = "HomeVisit", startsAt = "2026-11-26T10:00:00Z", durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
        }))).Appointments[0];
        var appointment = $"/appointments/{booked.Id}";
        var (made, _) = await session.PostAsync($"{appointment}?handler=Letter", [], formPage: appointment);
        var (madeAgain, _) = await session.PostAsync($"{appointment}?handler=Letter", [], formPage: appointment);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(made.Headers.Location, madeAgain.Headers.Location);
        var (_, appointmentHtml) = await session.GetAsync(appointment);
        Assert.Contains($"href=\"{made.Headers.Location}\"", appointmentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Make the appointment letter", appointmentHtml, StringComparison.Ordinal);
    }
}

public sealed class LetterPageTests_Sqlite(SqlitePagesApp app) : LetterPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class LetterPageTests_Postgres(PostgresPagesApp app) : LetterPageTests(app), IClassFixture<PostgresPagesApp>;
