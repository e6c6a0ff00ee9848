using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.People;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>One failure on the order as the breach pack sets it out: the appointment, what happened, the evidence and the decision.</summary>
public sealed record BreachPackFailure(
    int FailureId, int AppointmentId, DateOnly FailureDate, AppointmentType AppointmentType, AppointmentOutcome Outcome, RequirementType? Requirement,
    string? OutcomeNotes, string? AbsenceReason, string? AbsenceEvidence, string? OutcomeRecordedBy, EnforcementStatus Status, EnforcementDecision? Decision,
    string? DecisionReason, string? DecidedBy, DateOnly? DecidedOn, DateOnly? ExcuseDueOn, string? WithdrawnReason);

/// <summary>A requirement of the order, and whether a failure on the record was at one of its appointments.</summary>
public sealed record BreachPackRequirement(
    int Id, RequirementType Type, RequirementStatus Status, int? RarMaxDays, int? UnpaidWorkHours, string? ProgrammeName, DateOnly? StartDate, bool Breached);

/// <summary>The order's enforceable appointments so far by outcome: the compliance history the court weighs.</summary>
public sealed record BreachPackCompliance(int Enforceable, int Complied, int AcceptableAbsences, int Failures, int AwaitingOutcome)
{
    /// <summary>The share of enforceable appointments with an outcome that were complied with (0 when none).</summary>
    public decimal ComplianceRate => Enforceable - AwaitingOutcome is var judged and > 0 ? (decimal)Complied / judged : 0m;
}

/// <summary>
/// The breach pack for a failure on which breach action (or, for a licence, recall) was decided: the order, its
/// requirements with those breached marked, every failure on the order with dates and evidence, the warnings, the
/// compliance history and the officer's proposal. Assembled from the record, never typed out again.
/// </summary>
public sealed record BreachPackView(
    FailureToComply Failure, string Crn, string PersonName, DateOnly DateOfBirth, Order Order, OfficerDto? ResponsibleOfficer,
    IReadOnlyList<BreachPackRequirement> Requirements, IReadOnlyList<BreachPackFailure> Failures, IReadOnlyList<BreachPackFailure> Warnings,
    BreachPackCompliance Compliance)
{
    /// <summary>True for a licence: the pack supports a recall decision, not a court breach.</summary>
    public bool IsRecall => Failure.Decision == EnforcementDecision.Recall;
}

/// <summary>Assembles <see cref="BreachPackView"/> from the record.</summary>
public static class BreachPack
{
    /// <summary>The rule a breach pack asked for before breach or recall was decided carries.</summary>
    public const string NotEscalatedRule = "breach-pack-needs-breach-decision";

    /// <summary>True when the failure's decision was breach action or recall, so a pack exists.</summary>
    public static bool Exists(FailureToComply failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Status is EnforcementStatus.BreachAction or EnforcementStatus.RecallRequested;
    }

    /// <summary>The pack for <paramref name="failure"/> (which must be breach or recall), from five queries.</summary>
    public static async Task<BreachPackView> AssembleAsync(OpenProbationDbContext db, FailureToComply failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(failure);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == failure.PersonId, ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Requirements).SingleAsync(o => o.Id == failure.OrderId, ct);
        var officer = (await ResponsibleOfficers.ForOrdersAsync(db, [order.Id], ct)).GetValueOrDefault(order.Id);
        var failures = await db.FailuresToComply.AsNoTracking().Where(f => f.OrderId == order.Id && f.FailureDate <= failure.FailureDate)
            .OrderBy(f => f.FailureDate).ThenBy(f => f.Id)
            .Join(db.Appointments, f => f.AppointmentId, a => a.Id, (f, a) => new { f, a.Type, a.RequirementId, a.OutcomeNotes, a.AbsenceReason, a.AbsenceEvidence, a.OutcomeRecordedBy })
            .ToListAsync(ct);
        var dayAfter = UkTime.StartOfDay(failure.FailureDate.AddDays(1));
        var enforceable = await db.Appointments.AsNoTracking()
            .Where(a => a.OrderId == order.Id && a.IsEnforceable && a.StartsAt < dayAfter)
            .GroupBy(a => a.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct);

        var requirementTypes = order.Requirements.ToDictionary(r => r.Id, r => r.Type);
        var breached = failures.Where(x => x.RequirementId is not null).Select(x => x.RequirementId!.Value).ToHashSet();
        var rows = failures.Select(x => new BreachPackFailure(
            x.f.Id, x.f.AppointmentId, x.f.FailureDate, x.Type, x.f.Outcome, x.RequirementId is { } r && requirementTypes.TryGetValue(r, out var t) ? t : null,
            x.OutcomeNotes, x.AbsenceReason, x.AbsenceEvidence, x.OutcomeRecordedBy, x.f.Status, x.f.Decision, x.f.DecisionReason, x.f.DecidedBy, x.f.DecidedOn,
            x.f.ExcuseDueOn, x.f.WithdrawnReason)).ToList();
        int Count(Func<AppointmentOutcome?, bool> which) => enforceable.Where(e => which(e.Outcome)).Sum(e => e.Count);
        var compliance = new BreachPackCompliance(
            Count(_ => true),
            Count(o => o is AppointmentOutcome.AttendedComplied),
            Count(o => o is AppointmentOutcome.AcceptableAbsence),
            Count(o => o is AppointmentOutcome.AttendedFailedToComply or AppointmentOutcome.UnacceptableAbsence),
            Count(o => o is null or AppointmentOutcome.FailedToAttend or AppointmentOutcome.Rescheduled));
        return new BreachPackView(
            failure, person.Crn, person.FullName, person.DateOfBirth, order, officer,
            [.. order.Requirements.OrderBy(r => r.Id).Select(r => new BreachPackRequirement(
                r.Id, r.Type, r.Status, r.RarMaxDays, r.UnpaidWorkHours, r.ProgrammeName, r.StartDate, breached.Contains(r.Id)))],
            rows, [.. rows.Where(r => r.Decision == EnforcementDecision.Warning)], compliance);
    }
}
