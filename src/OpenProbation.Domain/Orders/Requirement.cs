using OpenProbation.Domain.Common;
using OpenProbation.Domain.Rar;

namespace OpenProbation.Domain.Orders;

/// <summary>Requirements a court can attach to a community or suspended sentence order (PRACTICE.md section 2).</summary>
public enum RequirementType
{
    /// <summary>Rehabilitation Activity Requirement: a maximum number of days.</summary>
    Rar = 1,

    /// <summary>Unpaid work: a number of hours.</summary>
    UnpaidWork,

    /// <summary>Accredited programme, e.g. Building Better Relationships.</summary>
    AccreditedProgramme,

    /// <summary>Drug rehabilitation requirement.</summary>
    Drr,

    /// <summary>Alcohol treatment requirement.</summary>
    Atr,

    /// <summary>Mental health treatment requirement (consent required).</summary>
    Mhtr,

    /// <summary>Curfew.</summary>
    Curfew,

    /// <summary>Exclusion from a place.</summary>
    Exclusion,

    /// <summary>Any other requirement, described in words.</summary>
    Other,
}

/// <summary>Where a requirement stands.</summary>
public enum RequirementStatus
{
    /// <summary>Sentenced but not yet started.</summary>
    NotStarted = 1,

    /// <summary>Under way.</summary>
    Active,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Ended before completion, with a reason.</summary>
    Terminated,
}

/// <summary>A requirement of an order.</summary>
public sealed class Requirement : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The order.</summary>
    public int OrderId { get; set; }

    /// <summary>Kind of requirement.</summary>
    public RequirementType Type { get; set; }

    /// <summary>RAR: the most days the court allows; the responsible officer may never instruct more.</summary>
    public int? RarMaxDays { get; set; }

    /// <summary>Unpaid work: hours ordered.</summary>
    public int? UnpaidWorkHours { get; set; }

    /// <summary>Accredited programme: its name.</summary>
    public string? ProgrammeName { get; set; }

    /// <summary>Length in months, for treatment, curfew and exclusion requirements.</summary>
    public int? LengthMonths { get; set; }

    /// <summary>Details in words (e.g. curfew hours, exclusion zone).</summary>
    public string? Description { get; set; }

    /// <summary>Status.</summary>
    public RequirementStatus Status { get; set; }

    /// <summary>First day of delivery.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>Last day, for completed or terminated requirements.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Why it was terminated.</summary>
    public string? TerminationReason { get; set; }

    /// <summary>For a completed RAR: the outcome against the outcomes agreed in the sentence plan.</summary>
    public string? CompletionOutcome { get; set; }

    /// <summary>For a RAR completed on fewer days than the maximum: why.</summary>
    public string? CompletionRationale { get; set; }

    /// <summary>For a RAR completed on fewer days than the maximum: the progress made.</summary>
    public string? CompletionProgress { get; set; }

    /// <summary>User name of whoever recorded the completion.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>When the completion was recorded.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The order.</summary>
    public Order? Order { get; set; }

    /// <summary>Completes a RAR with details checked by <see cref="RarCompletionDetails.Validate"/>.</summary>
    public void CompleteRar(RarCompletionDetails details, string completedBy, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        Status = RequirementStatus.Completed;
        EndDate = details.CompletedOn;
        StartDate ??= details.CompletedOn;
        CompletionOutcome = details.OutcomeAgainstAgreed!.Trim();
        CompletionRationale = string.IsNullOrWhiteSpace(details.Rationale) ? null : details.Rationale.Trim();
        CompletionProgress = string.IsNullOrWhiteSpace(details.Progress) ? null : details.Progress.Trim();
        CompletedBy = completedBy;
        CompletedAt = completedAt;
    }

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(RequirementDetails details)
    {
        Type = details.Type!.Value;
        RarMaxDays = Type == RequirementType.Rar ? details.RarMaxDays : null;
        UnpaidWorkHours = Type == RequirementType.UnpaidWork ? details.UnpaidWorkHours : null;
        ProgrammeName = Type == RequirementType.AccreditedProgramme ? details.ProgrammeName?.Trim() : null;
        LengthMonths = details.LengthMonths;
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Status = details.Status ?? RequirementStatus.NotStarted;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        TerminationReason = string.IsNullOrWhiteSpace(details.TerminationReason) ? null : details.TerminationReason.Trim();
    }
}

/// <summary>What a client sends to add or edit a requirement.</summary>
/// <param name="Type">Kind of requirement.</param>
/// <param name="RarMaxDays">RAR maximum days, 1 to 365; required for RAR.</param>
/// <param name="UnpaidWorkHours">Unpaid work hours, 40 to 300; required for unpaid work.</param>
/// <param name="ProgrammeName">Programme name; required for accredited programmes.</param>
/// <param name="LengthMonths">Length in months, 1 to 36.</param>
/// <param name="Description">Details in words; required for "other".</param>
/// <param name="Status">Status; new requirements have not started.</param>
/// <param name="StartDate">First day of delivery; required once started.</param>
/// <param name="EndDate">Last day; required once completed or terminated.</param>
/// <param name="TerminationReason">Why it was terminated.</param>
public sealed record RequirementDetails(
    RequirementType? Type,
    int? RarMaxDays,
    int? UnpaidWorkHours,
    string? ProgrammeName,
    int? LengthMonths,
    string? Description,
    RequirementStatus? Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? TerminationReason)
{
    /// <summary>Fewest unpaid work hours a court may order (Sentencing Code, Schedule 9 paragraph 2).</summary>
    public const int MinUnpaidWorkHours = 40;

    /// <summary>Most unpaid work hours a court may order (Sentencing Code, Schedule 9 paragraph 2).</summary>
    public const int MaxUnpaidWorkHours = 300;

    /// <summary>
    /// Upper bound on RAR days. The law sets none; the MoJ guideline tops out at 60 (PRACTICE.md section 2),
    /// so anything above a year is a typing mistake.
    /// </summary>
    public const int MaxRarDays = 365;

    /// <summary>Checks the details against the order they belong to, as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(Order order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of requirement")
            .Defined("status", Status, "a status", required: false)
            .MaxLength("programmeName", ProgrammeName, FieldLimits.Title, "the programme name")
            .MaxLength("description", Description, FieldLimits.Note, "the description")
            .MaxLength("terminationReason", TerminationReason, FieldLimits.Note, "the reason");

        if (!OrderRules.CarriesRequirements(order.Type))
        {
            errors.Add("type", $"A {OrderRules.Describe(order.Type)} does not carry requirements; record licence conditions instead");
        }

        switch (Type)
        {
            case RequirementType.Rar when RarMaxDays is not (>= 1 and <= MaxRarDays):
                errors.Add("rarMaxDays", $"Enter the maximum number of RAR days, from 1 to {MaxRarDays}");
                break;
            case RequirementType.UnpaidWork when UnpaidWorkHours is not (>= MinUnpaidWorkHours and <= MaxUnpaidWorkHours):
                errors.Add("unpaidWorkHours", $"Enter the unpaid work hours, from {MinUnpaidWorkHours} to {MaxUnpaidWorkHours}");
                break;
            case RequirementType.AccreditedProgramme when string.IsNullOrWhiteSpace(ProgrammeName):
                errors.Add("programmeName", "Enter the name of the programme");
                break;
            case RequirementType.Other when string.IsNullOrWhiteSpace(Description):
                errors.Add("description", "Describe the requirement");
                break;
            default:
                break;
        }

        if (Type is not RequirementType.Rar && RarMaxDays is not null)
        {
            errors.Add("rarMaxDays", "RAR days apply only to a RAR");
        }

        if (Type is not RequirementType.UnpaidWork && UnpaidWorkHours is not null)
        {
            errors.Add("unpaidWorkHours", "Unpaid work hours apply only to unpaid work");
        }

        if (LengthMonths is not null and not (>= 1 and <= 36))
        {
            errors.Add("lengthMonths", "The length must be from 1 to 36 months");
        }

        var status = Status ?? RequirementStatus.NotStarted;
        if (status != RequirementStatus.NotStarted && StartDate is null)
        {
            errors.Add("startDate", "Enter the date the requirement started");
        }

        if (status == RequirementStatus.NotStarted && (StartDate is not null || EndDate is not null))
        {
            errors.Add("status", "A requirement with a start date has started: set its status");
        }

        if (status is RequirementStatus.Completed or RequirementStatus.Terminated && EndDate is null)
        {
            errors.Add("endDate", "Enter the date the requirement ended");
        }

        if (status is RequirementStatus.Active && EndDate is not null)
        {
            errors.Add("endDate", "An active requirement has no end date yet");
        }

        if (status == RequirementStatus.Terminated && string.IsNullOrWhiteSpace(TerminationReason))
        {
            errors.Add("terminationReason", "Enter why the requirement was terminated");
        }

        if (StartDate is { } start)
        {
            if (start < order.SentenceDate)
            {
                errors.Add("startDate", "A requirement cannot start before the date of sentence");
            }

            if (start > today)
            {
                errors.Add("startDate", "The start date must be today or in the past");
            }

            if (EndDate is { } end && end < start)
            {
                errors.Add("endDate", "The end date must be the same as or after the start date");
            }
        }

        if (EndDate is { } e)
        {
            if (e > today)
            {
                errors.Add("endDate", "The end date must be today or in the past");
            }
            else if (e > order.ExpectedEndDate && status is RequirementStatus.Completed or RequirementStatus.Terminated)
            {
                errors.Add("endDate", "A requirement must end by the end of the order");
            }
        }

        if (StartDate is { } begun && begun > order.ExpectedEndDate)
        {
            errors.Add("startDate", "A requirement cannot start after the order ends");
        }

        // An ended order has nothing left to deliver: its requirements are completed or terminated.
        if (!order.IsLive && status is RequirementStatus.NotStarted or RequirementStatus.Active)
        {
            errors.Add("status", "The order has ended: its requirements must be completed or terminated");
        }

        return errors;
    }
}
