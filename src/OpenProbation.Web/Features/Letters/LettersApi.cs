using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Letters;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Letters;

/// <summary>A letter as written, and when and how it was sent.</summary>
public sealed record LetterDto(
    int Id, string Crn, int? OrderId, LetterKind Kind, string EventKey, int? AppointmentId, int? FailureToComplyId, string Title, string Addressee,
    IReadOnlyList<string> AddressLines, string Salutation, IReadOnlyList<string> Paragraphs, string SignOff, string SignedBy, DateOnly LetterDate,
    DateTimeOffset CreatedAt, string CreatedBy, DateOnly? SentOn, LetterDelivery? SentHow, string? SentRecordedBy, DateTimeOffset? SentRecordedAt, int Version);

/// <summary>Ask for an appointment's letter: made once, the same letter after.</summary>
public sealed record AppointmentLetterRequest(int? AppointmentId);

/// <summary>Record the day a letter was sent and how.</summary>
public sealed record LetterSendingRequest(DateOnly? SentOn, LetterDelivery? How);

/// <summary>Letters: <c>/api/v1/letters</c> and <c>/api/v1/people/{crn}/letters</c>.</summary>
public static class LettersApi
{
    public static void MapLetters(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{crn}/letters", ListForPerson).Lists<LetterDto>().WithTags("Letters").RequireAuthorization(Policies.ReadCases)
            .WithSummary("The person's letters, newest first, each with the day sent and how once recorded");
        var letters = api.MapGroup("/letters").WithTags("Letters");
        letters.MapPost("/", ForAppointment).Creates<LetterDto>().Produces<LetterDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("The appointment letter: 201 when this request made it, 200 with the same letter when it was made already (one letter per appointment, whoever asks)");
        letters.MapGet("/{id:int}", Get).Reads<LetterDto>().RequireAuthorization(Policies.ReadCases);
        letters.MapGet("/{id:int}/pdf", Pdf).Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadCases).WithSummary("The letter as a PDF (A4)");
        letters.MapPost("/{id:int}/sending", RecordSent).Updates<LetterDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Record the day sent and how (Post, HandedToPerson, Email), once; 409 rule letter-already-sent after that; If-Match");
    }

    private static async Task<LetterDto> ToDtoAsync(OpenProbationDbContext db, Letter l, CancellationToken ct)
    {
        var crn = await db.People.AsNoTracking().Where(p => p.Id == l.PersonId).Select(p => p.Crn).SingleAsync(ct);
        return ToDto(l, crn);
    }

    private static LetterDto ToDto(Letter l, string crn) => new(
        l.Id, crn, l.OrderId, l.Kind, l.EventKey, l.AppointmentId, l.FailureToComplyId, l.Title, l.Addressee, l.AddressLines, l.Salutation, l.Paragraphs,
        l.SignOff, l.SignedBy, l.LetterDate, l.CreatedAt, l.CreatedBy, l.SentOn, l.SentHow, l.SentRecordedBy, l.SentRecordedAt, l.Version);

    private static async Task<IResult> ListForPerson(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        if (await PeopleApi.FindAsync(db, user, crn, track: false, ct) is not { } person)
        {
            return ApiResults.NotFound("Person");
        }

        var query = db.Letters.AsNoTracking().Where(l => l.PersonId == person.Id).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);
        var total = await query.CountAsync(ct);
        var items = (await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct)).Select(l => ToDto(l, person.Crn)).ToList();
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Letters, ct);
        return TypedResults.Ok(new PagedList<LetterDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> ForAppointment(
        AppointmentLetterRequest request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, LetterTemplateSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        if (request.AppointmentId is not { } appointmentId)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("appointmentId", "Enter the appointment the letter is for"));
        }

        if (await CaseAppointments.FindAsync(db, user, appointmentId, false, ct) is not { } appointment)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("appointmentId", "There is no appointment with that id that you can see"));
        }

        var (letter, created) = await LetterRecord.ForAppointmentAsync(db, settings, appointment, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        var dto = await ToDtoAsync(db, letter, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return created ? TypedResults.Created($"/api/v1/letters/{letter.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        if (await LetterRecord.Visible(db, user).SingleOrDefaultAsync(l => l.Id == id, ct) is not { } letter)
        {
            return ApiResults.NotFound("Letter");
        }

        var dto = await ToDtoAsync(db, letter, ct);
        await AuditTrail.RecordViewAsync(db, letter.PersonId, AuditTrail.Letters, ct, nameof(Letter), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Pdf(int id, ClaimsPrincipal user, OpenProbationDbContext db, LetterTemplateSettings settings, CancellationToken ct)
    {
        if (await LetterRecord.Visible(db, user).SingleOrDefaultAsync(l => l.Id == id, ct) is not { } letter)
        {
            return ApiResults.NotFound("Letter");
        }

        await AuditTrail.RecordViewAsync(db, letter.PersonId, AuditTrail.Letters, ct, nameof(Letter), PeopleApi.Id(id));
        return TypedResults.File(LetterPdf.Render(letter, settings.ServiceName), "application/pdf", $"letter-{letter.Id}.pdf");
    }

    private static async Task<IResult> RecordSent(
        int id, ClaimsPrincipal user, LetterSendingRequest request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Tracked: a no-tracking subquery would make the whole query untracked, and the change would not be saved.
        var people = db.VisiblePeople(user).Select(p => p.Id);
        if (await db.Letters.Where(l => people.Contains(l.PersonId)).SingleOrDefaultAsync(l => l.Id == id, ct) is not { } letter)
        {
            return ApiResults.NotFound("Letter");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (sent, errors) = await LetterRecord.RecordSentAsync(db, letter, version, request.SentOn, request.How, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (sent is null && errors.IsValid)
        {
            return ApiResults.Stale(letter.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var dto = await ToDtoAsync(db, sent!, ct);
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }
}
