using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Orders;

/// <summary>Kinds of sentence event (PRACTICE.md section 2).</summary>
public enum OrderType
{
    /// <summary>Community order, with requirements; up to three years.</summary>
    CommunityOrder = 1,

    /// <summary>Suspended sentence order, with requirements; operational period six months to two years.</summary>
    SuspendedSentenceOrder,

    /// <summary>Licence after release from custody.</summary>
    Licence,

    /// <summary>Post-sentence supervision after a licence for short sentences; at most twelve months.</summary>
    PostSentenceSupervision,

    /// <summary>Custody before release, supervised by the community offender manager.</summary>
    Custody,
}

/// <summary>Where an order stands.</summary>
public enum OrderStatus
{
    /// <summary>Live and being supervised.</summary>
    Active = 1,

    /// <summary>Live, with breach or recall proceedings under way.</summary>
    Breached,

    /// <summary>Ended at its expected end, requirements done.</summary>
    Completed,

    /// <summary>Ended early (e.g. by a later sentence, death, early revocation for good progress).</summary>
    Terminated,

    /// <summary>Revoked by a court, usually on breach, and the person resentenced.</summary>
    Revoked,
}

/// <summary>Units a sentence length is given in.</summary>
public enum LengthUnit
{
    /// <summary>Days.</summary>
    Days = 1,

    /// <summary>Weeks.</summary>
    Weeks,

    /// <summary>Calendar months.</summary>
    Months,

    /// <summary>Calendar years.</summary>
    Years,
}

/// <summary>An order, licence or custodial sentence: one "event" in the person's record.</summary>
public sealed class Order : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>Kind of order.</summary>
    public OrderType Type { get; set; }

    /// <summary>The sentencing court.</summary>
    public string Court { get; set; } = "";

    /// <summary>The main offence, in words.</summary>
    public string Offence { get; set; } = "";

    /// <summary>Date of sentence.</summary>
    public DateOnly SentenceDate { get; set; }

    /// <summary>First day of supervision: the sentence date for community sentences, the release date for licences.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Length as sentenced.</summary>
    public int Length { get; set; }

    /// <summary>Unit of <see cref="Length"/>.</summary>
    public LengthUnit LengthUnit { get; set; }

    /// <summary>Last day of the order (inclusive), computed from the start and length unless a date was given.</summary>
    public DateOnly ExpectedEndDate { get; set; }

    /// <summary>Status.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>The day the order ended, for completed, terminated and revoked orders.</summary>
    public DateOnly? TerminationDate { get; set; }

    /// <summary>Why it ended early; required for terminated and revoked orders.</summary>
    public string? TerminationReason { get; set; }

    /// <summary>
    /// The team whose allocation queue the order is in until it has a responsible officer (from court entry, or a
    /// transfer); empty when no team was named, so every allocating manager sees it.
    /// </summary>
    public int? AllocationTeamId { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>Requirements of the order.</summary>
    public List<Requirement> Requirements { get; } = [];

    /// <summary>Responsible-officer history, oldest first.</summary>
    public List<Assignment> Assignments { get; } = [];

    /// <summary>True when the order is still being supervised.</summary>
    public bool IsLive => Status is OrderStatus.Active or OrderStatus.Breached;

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(OrderDetails details)
    {
        Type = details.Type!.Value;
        Court = details.Court!.Trim();
        Offence = details.Offence!.Trim();
        SentenceDate = details.SentenceDate!.Value;
        StartDate = details.StartDate ?? SentenceDate;
        Length = details.Length!.Value;
        LengthUnit = details.LengthUnit!.Value;
        ExpectedEndDate = details.ExpectedEndDate ?? OrderRules.ExpectedEndDate(StartDate, Length, LengthUnit);
        Status = details.Status ?? OrderStatus.Active;
        TerminationDate = details.TerminationDate;
        TerminationReason = string.IsNullOrWhiteSpace(details.TerminationReason) ? null : details.TerminationReason.Trim();
    }
}

/// <summary>What a client sends to record or edit an order.</summary>
/// <param name="Type">Kind of order.</param>
/// <param name="Court">Sentencing court.</param>
/// <param name="Offence">Main offence.</param>
/// <param name="SentenceDate">Date of sentence; not in the future.</param>
/// <param name="StartDate">First day of supervision; defaults to the sentence date.</param>
/// <param name="Length">Length as sentenced.</param>
/// <param name="LengthUnit">Unit of the length.</param>
/// <param name="ExpectedEndDate">Last day, when it is set elsewhere (e.g. a licence end date); otherwise computed.</param>
/// <param name="Status">Status; new orders are active.</param>
/// <param name="TerminationDate">The day it ended, for completed, terminated or revoked orders.</param>
/// <param name="TerminationReason">Why it ended, for terminated or revoked orders.</param>
public sealed record OrderDetails(
    OrderType? Type,
    string? Court,
    string? Offence,
    DateOnly? SentenceDate,
    DateOnly? StartDate,
    int? Length,
    LengthUnit? LengthUnit,
    DateOnly? ExpectedEndDate,
    OrderStatus? Status,
    DateOnly? TerminationDate,
    string? TerminationReason)
{
    /// <summary>
    /// On a new order, the team whose allocation queue it joins (as court entry sets it); none puts it in every
    /// manager's queue. An existing order moves team only by transfer, with a reason.
    /// </summary>
    public int? AllocationTeamId { get; init; }

    /// <summary>No one supervised today was sentenced before this year; an earlier year is a typing mistake.</summary>
    public const int EarliestSentenceYear = 1950;

    /// <summary>How far ahead supervision may start (a licence recorded before release).</summary>
    public const int MaxYearsAhead = 2;

    /// <summary>Checks the details as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of order")
            .Required("court", Court, FieldLimits.Title, "the sentencing court")
            .Required("offence", Offence, FieldLimits.Title, "the main offence")
            .Present("sentenceDate", SentenceDate, "Enter the date of sentence")
            .Present("length", Length, "Enter the length of the order")
            .Defined("lengthUnit", LengthUnit, "a unit for the length")
            .Defined("status", Status, "a status", required: false)
            .MaxLength("terminationReason", TerminationReason, FieldLimits.Note, "the reason");

        if (SentenceDate is { } sentenced && sentenced > today)
        {
            errors.Add("sentenceDate", "The date of sentence must be today or in the past");
        }
        else if (SentenceDate is { } early && early.Year < EarliestSentenceYear)
        {
            errors.Add("sentenceDate", $"The date of sentence must be in {EarliestSentenceYear} or later: check the year");
        }

        var start = StartDate ?? SentenceDate;
        if (SentenceDate is { } s && StartDate is { } st && st < s)
        {
            errors.Add("startDate", "Supervision cannot start before the date of sentence");
        }
        else if (SentenceDate is { } s2 && StartDate is { } st2 && st2.Year - s2.Year > OrderRules.LongestTermMonths / 12)
        {
            // Bounds the start as the length is bounded, so the computed end date is always a real date.
            errors.Add("startDate", $"Supervision cannot start more than {OrderRules.LongestTermMonths / 12} years after sentence: check the date");
        }

        if (Length is { } length && LengthUnit is { } unit && Enum.IsDefined(unit))
        {
            if (length < 1)
            {
                errors.Add("length", "The length must be at least 1");
            }
            else if (Type is { } type && Enum.IsDefined(type) && OrderRules.MaximumMonths(type) is { } maxMonths
                && OrderRules.ToApproximateMonths(length, unit) > maxMonths)
            {
                errors.Add("length", $"A {OrderRules.Describe(type)} can be at most {maxMonths} months long");
            }
            else if (OrderRules.ToApproximateMonths(length, unit) > OrderRules.LongestTermMonths)
            {
                errors.Add("length", "The length is longer than any sentence: check the number and unit");
            }
            else if (Type is { } t && Enum.IsDefined(t) && OrderRules.MinimumMonths(t) is { } minMonths
                && OrderRules.ToCompleteMonths(length, unit) < minMonths)
            {
                errors.Add("length", $"A {OrderRules.Describe(t)} must be at least {minMonths} months long");
            }
        }

        // A licence can be recorded before release, but not years ahead: that is a typing mistake.
        // (Imports validate history with today = DateOnly.MaxValue, so the limit must not overflow.)
        var latestStart = today.Year <= DateOnly.MaxValue.Year - MaxYearsAhead ? today.AddYears(MaxYearsAhead) : DateOnly.MaxValue;
        if (StartDate is { } startDate && startDate > latestStart)
        {
            errors.Add("startDate", $"Supervision can start at most {MaxYearsAhead} years from today");
        }

        if (ExpectedEndDate is { } end && start is { } begin && end < begin)
        {
            errors.Add("expectedEndDate", "The end date must be on or after the start of supervision");
        }

        var status = Status ?? OrderStatus.Active;
        var ended = status is OrderStatus.Completed or OrderStatus.Terminated or OrderStatus.Revoked;
        if (ended && TerminationDate is null)
        {
            errors.Add("terminationDate", "Enter the date the order ended");
        }

        if (!ended && TerminationDate is not null)
        {
            errors.Add("terminationDate", "Only a completed, terminated or revoked order has an end date");
        }

        if (TerminationDate is { } td && start is { } from && td < from)
        {
            errors.Add("terminationDate", "The order cannot end before supervision started");
        }

        if (TerminationDate is { } t2 && t2 > today)
        {
            errors.Add("terminationDate", "The date the order ended must be today or in the past");
        }

        if (status is OrderStatus.Terminated or OrderStatus.Revoked && string.IsNullOrWhiteSpace(TerminationReason))
        {
            errors.Add("terminationReason", "Enter why the order ended early");
        }

        return errors;
    }
}

/// <summary>Rules about order lengths and dates.</summary>
public static class OrderRules
{
    /// <summary>Upper bound on any sentence length we accept, to catch unit mistakes (100 years).</summary>
    public const int LongestTermMonths = 1200;

    /// <summary>
    /// The last day of an order (inclusive). An order of N months starting on 15 January ends on the 14th,
    /// N months later; a month added to 31 January gives 28 or 29 February, then the day before.
    /// </summary>
    public static DateOnly ExpectedEndDate(DateOnly start, int length, LengthUnit unit) => unit switch
    {
        LengthUnit.Days => start.AddDays(length - 1),
        LengthUnit.Weeks => start.AddDays(checked((length * 7) - 1)),
        LengthUnit.Months => start.AddMonths(length).AddDays(-1),
        LengthUnit.Years => start.AddYears(length).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit"),
    };

    /// <summary>
    /// A length in whole months, rounding days and weeks down, for comparing with statutory minima: a period
    /// a few days short of six months must not pass as six (183 days or 27 weeks is the least that counts as six).
    /// </summary>
    public static int ToCompleteMonths(int length, LengthUnit unit) => unit switch
    {
        LengthUnit.Days => (int)Math.Floor(length / 30.4375),
        LengthUnit.Weeks => (int)Math.Floor(length * 7.0 / 30.4375),
        LengthUnit.Months => length,
        LengthUnit.Years => length > 1000 ? int.MaxValue : length * 12,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit"),
    };

    /// <summary>
    /// A length in whole months, rounding days and weeks up, for comparing with statutory maxima: with the
    /// average month (30.4375 days) a length passes only if it fits within the limit from any start date.
    /// </summary>
    public static int ToApproximateMonths(int length, LengthUnit unit) => unit switch
    {
        LengthUnit.Days => (int)Math.Ceiling(length / 30.4375),
        LengthUnit.Weeks => (int)Math.Ceiling(length * 7.0 / 30.4375),
        LengthUnit.Months => length,
        LengthUnit.Years => length > 1000 ? int.MaxValue : length * 12,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown length unit"),
    };

    /// <summary>
    /// Statutory maximum length in months, where there is one: community order 36 (Sentencing Code s.209);
    /// suspended sentence operational period 24 (s.288); post-sentence supervision 12.
    /// </summary>
    public static int? MaximumMonths(OrderType type) => type switch
    {
        OrderType.CommunityOrder => 36,
        OrderType.SuspendedSentenceOrder => 24,
        OrderType.PostSentenceSupervision => 12,
        _ => null,
    };

    /// <summary>Statutory minimum in months: a suspended sentence's operational period is at least 6 (s.288).</summary>
    public static int? MinimumMonths(OrderType type) => type == OrderType.SuspendedSentenceOrder ? 6 : null;

    /// <summary>True when the order kind carries requirements (community and suspended sentence orders).</summary>
    public static bool CarriesRequirements(OrderType type) =>
        type is OrderType.CommunityOrder or OrderType.SuspendedSentenceOrder;

    /// <summary>Staff wording for an order type.</summary>
    public static string Describe(OrderType type) => type switch
    {
        OrderType.CommunityOrder => "community order",
        OrderType.SuspendedSentenceOrder => "suspended sentence order",
        OrderType.Licence => "licence",
        OrderType.PostSentenceSupervision => "post-sentence supervision period",
        OrderType.Custody => "custodial sentence",
        _ => "order",
    };
}
