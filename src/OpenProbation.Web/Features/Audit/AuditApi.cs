using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Audit;

/// <summary>An audit event as the API shows it. <c>Before</c> and <c>After</c> are the recorded values, as JSON objects.</summary>
public sealed record AuditEventDto(
    long Sequence, DateTimeOffset OccurredAt, string Actor, AuditChannel Channel, string Source, AuditAction Action,
    string EntityType, string EntityId, string Section, JsonElement? Before, JsonElement? After)
{
    internal static AuditEventDto From(AuditEvent e) =>
        new(e.Sequence, e.OccurredAt, e.Actor, e.Channel, e.Source, e.Action, e.EntityType, e.EntityId, e.Section, Parse(e.Before), Parse(e.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>A case's audit history and a person's subject-access export: <c>/api/v1/people/{crn}/audit</c>, <c>/subject-access</c>.</summary>
public static class AuditApi
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people/{crn}").WithTags("Audit");
        people.MapGet("/audit", History).Lists<AuditEventDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadAudit)
            .WithSummary("Who viewed and changed this case, newest first; reading it is audited too");
        people.MapGet("/subject-access", Export).Reads<SubjectAccessExport>().RequireAuthorization(Policies.ExportSubjectAccess)
            .WithSummary("Everything held on the person, with the audit events about them, for a subject access request; audited as an export");
    }

    private static async Task<IResult> History(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        // A case the reader may not see has no history for them either.
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var history = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == person.Id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence)
            .ToPageAsync(paging, e => AuditEventDto.From(e), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.AuditHistory, ct);
        return TypedResults.Ok(history);
    }

    private static async Task<IResult> Export(string crn, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var export = await SubjectAccessExport.BuildAsync(db, person, clock, ct);
        AuditTrail.RecordExport(db, person.Id, AuditTrail.SubjectAccessExport, "{\"format\":\"json\"}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(export);
    }
}
