using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;

namespace OpenProbation.Domain.Orders;

/// <summary>
/// A period during which a member of staff was the responsible officer for an order. History is kept:
/// a new assignment ends the current one. <see cref="FromDate"/> is inclusive and <see cref="ToDate"/> is
/// exclusive, so a hand-over on a day gives the old officer's ToDate and the new officer's FromDate the same value.
/// </summary>
public sealed class Assignment : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The order.</summary>
    public int OrderId { get; set; }

    /// <summary>The responsible officer.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>First day of responsibility.</summary>
    public DateOnly FromDate { get; set; }

    /// <summary>The day responsibility passed on (exclusive); empty while current.</summary>
    public DateOnly? ToDate { get; set; }

    /// <summary>Why the case was allocated or transferred.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// The manager's reason for allocating despite the hard rules in <see cref="OverriddenRules"/>; empty when no rule
    /// was broken.
    /// </summary>
    public string? OverrideReason { get; set; }

    /// <summary>The API names of the rules overridden, comma separated (<c>absent,competence,capacity</c>); empty when none.</summary>
    public string? OverriddenRules { get; set; }

    /// <summary>What the new officer needs to know: the instructions with an allocation, or the handover on a reallocation.</summary>
    public string? HandoverNote { get; set; }

    /// <summary>When the officer opened the case from their home page's new cases; empty while it is new to them.</summary>
    public DateTimeOffset? SeenAt { get; set; }

    /// <summary>User name of whoever made the assignment.</summary>
    public string AssignedBy { get; set; } = "";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The order.</summary>
    public Order? Order { get; set; }

    /// <summary>The responsible officer.</summary>
    public StaffMember? StaffMember { get; set; }

    /// <summary>True while the assignment has not been ended.</summary>
    public bool IsCurrent => ToDate is null;
}

/// <summary>What a client sends to make a member of staff the responsible officer.</summary>
/// <param name="StaffMemberId">The new responsible officer.</param>
/// <param name="FromDate">First day of responsibility; defaults to today.</param>
/// <param name="Reason">Why: allocation, transfer, return from leave…</param>
/// <param name="OverrideReason">A manager's reason for assigning despite a hard allocation rule.</param>
/// <param name="HandoverNote">Instructions or handover for the new officer.</param>
public sealed record AssignmentDetails(int? StaffMemberId, DateOnly? FromDate, string? Reason, string? OverrideReason = null, string? HandoverNote = null);

/// <summary>The rules for handing an order to a responsible officer.</summary>
public static class AssignmentRules
{
    /// <summary>
    /// Checks a new assignment. The officer must be of a case-holding grade and in post on the start day;
    /// the order must be live; the start must not be before the order's sentence date nor before the current
    /// officer's start (history cannot be rewritten by a new assignment).
    /// Availability, competence and capacity rules for allocation build on this (PRACTICE.md section 7, line 3).
    /// </summary>
    public static ValidationErrors Validate(
        AssignmentDetails details, Order order, StaffMember? officer, Assignment? current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(order);
        var errors = new ValidationErrors()
            .Present("staffMemberId", details.StaffMemberId, "Select the responsible officer")
            .Required("reason", details.Reason, FieldLimits.Note, "the reason for the allocation");
        var from = details.FromDate ?? today;
        if (details.StaffMemberId is not null && officer is null)
        {
            errors.Add("staffMemberId", "There is no member of staff with that id");
        }

        if (officer is not null)
        {
            if (!StaffGrades.CanHoldCases(officer.Grade))
            {
                errors.Add("staffMemberId", $"{officer.FullName} is not of a grade that holds cases");
            }

            if (from < officer.StartDate || (officer.EndDate is { } left && from > left))
            {
                errors.Add("staffMemberId", $"{officer.FullName} is not in post on {from:d MMMM yyyy}");
            }

            if (current is not null && current.StaffMemberId == officer.Id)
            {
                errors.Add("staffMemberId", $"{officer.FullName} is already the responsible officer");
            }
        }

        if (!order.IsLive)
        {
            errors.Add("staffMemberId", "The order has ended: it cannot be allocated");
        }

        if (from < order.SentenceDate)
        {
            errors.Add("fromDate", "Responsibility cannot start before the date of sentence");
        }

        if (from > today.AddDays(31))
        {
            errors.Add("fromDate", "Responsibility can start at most 31 days ahead");
        }

        if (current is not null && from < current.FromDate)
        {
            errors.Add("fromDate", "Responsibility cannot start before the current officer's did");
        }

        return errors;
    }
}
