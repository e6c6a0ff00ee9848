using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

public sealed record ContactStandardDto(int FrequencyDays, decimal MinimumFaceToFaceShare, bool TelephoneMayStandIn, int InductionWorkingDays);

/// <summary>A policy's standard for one key: a whole tier (<c>B3</c>, <c>RED</c>) or a protect letter (<c>B</c>).</summary>
public sealed record TierStandardDto(string Tier, ContactStandardDto Standard);

/// <summary>A contact standard policy: its standards by tier, the fallback for a case with no tier, and when it applies (empty: from the start).</summary>
public sealed record ContactStandardPolicyDto(
    string Name, int Version, string Label, DateOnly? EffectiveFrom, bool InForce, IReadOnlyList<TierStandardDto> Standards, ContactStandardDto Fallback);

/// <summary>The contact standards over time, the one in force today, and the organisation's extra non-working days.</summary>
public sealed record ContactStandardsDto(DateOnly Today, IReadOnlyList<ContactStandardPolicyDto> Policies, IReadOnlyList<DateOnly> ExtraNonWorkingDays);

public sealed record ComplianceReasonDto(ComplianceIssue Issue, string Message);

/// <summary>A contact window: one held contact expected between two dates (inclusive).</summary>
public sealed record ContactPeriodDto(DateOnly From, DateOnly To, string? Tier, int FrequencyDays, int Expected, int Held, bool Met, bool IsComplete);

public sealed record ComplianceSummaryDto(DateOnly From, DateOnly To, int Expected, int Met, int Held, int FaceToFace);

/// <summary>
/// A case's contact compliance today and why (<see cref="ComplianceResult"/>): the tier, policy and standard that
/// applied, the induction, the gap since last seen, the face-to-face share against its minimum, the window in progress,
/// and the figures for a month. Shares are fractions from 0 to 1, to four places.
/// </summary>
public sealed record ComplianceDto(
    ComplianceStatus Status, IReadOnlyList<ComplianceReasonDto> Reasons, DateOnly SupervisionStart, bool HasStarted, string? Tier, string? StandardKey,
    string Policy, ContactStandardDto Standard, DateOnly InductionDeadline, DateOnly? InductionHeldOn, bool InductionOverdue, bool InductionHeldLate,
    DateOnly? LastSeen, int DaysSinceLastSeen, bool GapOpen, decimal? FaceToFaceShare, decimal FaceToFaceMinimum, bool FaceToFaceJudged, bool FaceToFaceMet,
    int HeldInLookback, int FaceToFaceInLookback, DateOnly LookbackFrom, int LookbackWeeks, ContactPeriodDto? CurrentPeriod, ComplianceSummaryDto Month);

/// <summary>A person's compliance; not assessed (and <c>compliance</c> empty) while they have no live order in the community (custody before release included).</summary>
public sealed record PersonComplianceDto(string Crn, DateOnly Today, bool Assessed, string? NotAssessedReason, ComplianceDto? Compliance);

public sealed record ComplianceRollupDto(
    DateOnly From, DateOnly To, int Cases, int InStandard, int OutOfStandard, int InductionOverdue, int GapsOpen, int FaceToFaceBelowMinimum,
    int Expected, int Met, int Held, int FaceToFace, decimal? FaceToFaceShare, decimal? MetShare);

/// <summary>A brief appointment for a caseload row.</summary>
public sealed record ContactBriefDto(int AppointmentId, AppointmentType Type, DateTimeOffset StartsAt, DateOnly Date, AppointmentOutcome? Outcome);

/// <summary>One case on an officer's caseload with where it stands today.</summary>
public sealed record CaseComplianceRowDto(
    string Crn, string FirstName, string LastName, bool Assessed, ComplianceStatus? Status, string? Tier, IReadOnlyList<ComplianceReasonDto> Reasons,
    DateOnly? LastSeen, int? DaysSinceLastSeen, DateOnly? InductionDeadline, bool InductionOverdue, ContactBriefDto? NextAppointment);

public sealed record OfficerComplianceDto(int StaffMemberId, string Name, DateOnly Today, ComplianceRollupDto Rollup, IReadOnlyList<CaseComplianceRowDto> Cases);

public sealed record OfficerRollupDto(int StaffMemberId, string Name, ComplianceRollupDto Rollup);

/// <summary>A team's officers' roll-ups and the team's total, in which a case two officers share counts once.</summary>
public sealed record TeamComplianceDto(int TeamId, string Name, DateOnly Today, IReadOnlyList<OfficerRollupDto> Officers, ComplianceRollupDto Total);

/// <summary>
/// Contact compliance (PRACTICE.md section 3 and section 7 line 5): <c>/api/v1/people/{crn}/compliance</c>,
/// <c>/staff/{id}/compliance</c>, <c>/teams/{id}/compliance</c> and the standards in force, <c>/contact-standards</c>.
/// </summary>
public static class ComplianceApi
{
    private const string NoLiveOrder = "No live order in the community: contact standards apply while a community order, suspended sentence, licence or post-sentence supervision is active or in breach, not during custody before release";

    public static void MapCompliance(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{crn}/compliance", ForPerson).Reads<PersonComplianceDto>().ProducesValidationProblem().WithTags("Compliance")
            .RequireAuthorization(Policies.ReadCases)
            .WithSummary("Whether the case meets its contact standard today and why; month=yyyy-MM gives that month's figures (default this month)");
        api.MapGet("/staff/{id:int}/compliance", ForOfficer).Reads<OfficerComplianceDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).WithTags("Compliance").RequireAuthorization(Policies.ReadCases)
            .WithSummary("An officer's caseload: the roll-up and each case, out of standard first; your own, or anyone's with a team role");
        api.MapGet("/teams/{id:int}/compliance", ForTeam).Reads<TeamComplianceDto>().ProducesValidationProblem().WithTags("Compliance")
            .RequireAuthorization(Policies.ReadTeamCaseloads)
            .WithSummary("Each officer's roll-up and the team's total");
        api.MapGet("/contact-standards", Standards).Produces<ContactStandardsDto>().WithTags("Compliance").RequireAuthorization(Policies.SignedIn)
            .WithSummary("The contact standard policies over time with each tier's standard, and the extra non-working days");
    }

    private static async Task<IResult> ForPerson(
        string crn, string? month, ClaimsPrincipal user, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        if (Month(month, today) is not ({ } from, { } to))
        {
            return MonthProblem();
        }

        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var results = await CaseCompliance.AssessAsync(db, policies, [person.Id], today, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.ContactCompliance, ct);
        return TypedResults.Ok(results.TryGetValue(person.Id, out var result)
            ? new PersonComplianceDto(person.Crn, today, true, null, ToDto(result, from, to))
            : new PersonComplianceDto(person.Crn, today, false, NoLiveOrder, null));
    }

    private static async Task<IResult> ForOfficer(
        int id, string? month, ClaimsPrincipal user, OpenProbationDbContext db, IAuthorizationService authorization, ContactPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        if (Month(month, today) is not ({ } from, { } to))
        {
            return MonthProblem();
        }

        var officer = await db.Staff.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FirstName, s.LastName }).SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (await AppointmentsApi.RefusedStaffAsync(authorization, user, id, "compliance") is { } refused)
        {
            return refused;
        }

        var compliance = await CaseCompliance.ForOfficerAsync(db, user, policies, id, today, from, to, ct);
        var ids = compliance.PersonIds.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Crn, p.FirstName, p.LastName }).ToListAsync(ct);
        var next = await CaseCompliance.NextAppointmentAsync(db, ids, clock.GetUtcNow(), ct);
        var rows = people.Select(p =>
        {
            var brief = next.TryGetValue(p.Id, out var n) ? new ContactBriefDto(n.AppointmentId, n.Type, n.StartsAt, n.Date, n.Outcome) : null;
            return compliance.Results.TryGetValue(p.Id, out var r)
                ? new CaseComplianceRowDto(p.Crn, p.FirstName, p.LastName, true, r.Status, r.Tier, Reasons(r), r.LastSeen, r.DaysSinceLastSeen,
                    r.InductionDeadline, r.InductionOverdue, brief)
                : new CaseComplianceRowDto(p.Crn, p.FirstName, p.LastName, false, null, null, [], null, null, null, false, brief);
        });

        // Out of standard first, the longest unseen first, so the gap that opened longest ago is at the top.
        var ordered = rows.OrderBy(r => r.Status == ComplianceStatus.OutOfStandard ? 0 : r.Assessed ? 1 : 2)
            .ThenByDescending(r => r.DaysSinceLastSeen ?? -1).ThenBy(r => r.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Crn, StringComparer.Ordinal);
        return TypedResults.Ok(new OfficerComplianceDto(id, $"{officer.FirstName} {officer.LastName}", today, ToDto(compliance.Rollup), [.. ordered]));
    }

    private static async Task<IResult> ForTeam(
        int id, string? month, ClaimsPrincipal user, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        if (Month(month, today) is not ({ } from, { } to))
        {
            return MonthProblem();
        }

        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Name }).SingleOrDefaultAsync(ct);
        if (team is null)
        {
            return ApiResults.NotFound("Team");
        }

        var compliance = await CaseCompliance.ForTeamAsync(db, user, policies, id, today, from, to, ct);
        var staffIds = compliance.Officers.Select(o => o.StaffMemberId).ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return TypedResults.Ok(new TeamComplianceDto(id, team.Name, today,
            [.. compliance.Officers.Select(o => new OfficerRollupDto(o.StaffMemberId, names[o.StaffMemberId], ToDto(o.Rollup)))], ToDto(compliance.Total)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ContactStandardsDto> Standards(ContactPolicies policies, TimeProvider clock)
    {
        var today = clock.Today();
        var inForce = policies.Schedule.At(today);
        return TypedResults.Ok(new ContactStandardsDto(
            today,
            [.. policies.Schedule.Policies.Select(p => new ContactStandardPolicyDto(
                p.Name, p.Version, p.Label, p.EffectiveFrom == DateOnly.MinValue ? null : p.EffectiveFrom, ReferenceEquals(p, inForce),
                [.. p.Standards.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new TierStandardDto(s.Key, ToDto(s.Value)))], ToDto(p.Fallback)))],
            policies.Calendar.ExtraNonWorkingDays));
    }

    /// <summary>The first and last day of <c>yyyy-MM</c>, or of today's month when none is given; nulls when it cannot be read.</summary>
    internal static (DateOnly? From, DateOnly? To) Month(string? month, DateOnly today)
    {
        if (month is null)
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? (start, start.AddMonths(1).AddDays(-1))
            : (null, null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem MonthProblem() => ApiResults.Invalid(new ValidationErrors().Add("month", "Enter a month as yyyy-MM, like 2026-11"));

    private static IReadOnlyList<ComplianceReasonDto> Reasons(ComplianceResult r) => [.. r.Reasons.Select(x => new ComplianceReasonDto(x.Issue, x.Message))];

    internal static ContactStandardDto ToDto(ContactStandard s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.FrequencyDays, Share(s.MinimumFaceToFaceShare), s.TelephoneMayStandIn, s.InductionWorkingDays);
    }

    internal static ComplianceDto ToDto(ComplianceResult r, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(r);
        var month = r.Summarise(from, to);
        var period = r.CurrentPeriod;
        return new ComplianceDto(
            r.Status, Reasons(r), r.SupervisionStart, r.HasStarted, r.Tier, r.Current.Pattern, r.Policy.Label, ToDto(r.Standard), r.InductionDeadline,
            r.InductionHeldOn, r.InductionOverdue, r.InductionHeldLate, r.LastSeen, r.DaysSinceLastSeen, r.GapOpen,
            r.FaceToFaceShare is { } share ? Share(share) : null, Share(r.FaceToFaceMinimum), r.FaceToFaceJudged, r.FaceToFaceMet, r.HeldInLookback,
            r.FaceToFaceInLookback, r.LookbackFrom, r.LookbackWeeks,
            period is null ? null : new ContactPeriodDto(period.From, period.To, period.Tier, period.Standard.FrequencyDays, period.Expected, period.Held, period.Met, period.IsComplete),
            new ComplianceSummaryDto(month.From, month.To, month.Expected, month.Met, month.Held, month.FaceToFace));
    }

    internal static ComplianceRollupDto ToDto(ComplianceRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.From, r.To, r.Cases, r.InStandard, r.OutOfStandard, r.InductionOverdue, r.GapsOpen, r.FaceToFaceBelowMinimum, r.Expected, r.Met,
            r.Held, r.FaceToFace, r.FaceToFaceShare is { } f ? Share(f) : null, r.MetShare is { } m ? Share(m) : null);
    }

    private static decimal Share(decimal share) => decimal.Round(share, 4, MidpointRounding.AwayFromZero);
}
