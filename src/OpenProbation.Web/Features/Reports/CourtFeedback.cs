using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Rar;

namespace OpenProbation.Web.Features.Reports;

/// <summary>
/// Orders by where they stand. An order has <b>ended</b> once completed, terminated or revoked; the completion rate is
/// the share of ended orders that were completed, and the breach rate the share of all orders breached (proceedings
/// under way) or revoked (a court revokes an order usually on breach). Rates are empty when there is nothing to divide by.
/// </summary>
public sealed record CourtOutcomesDto(
    int Orders, int Active, int Breached, int Completed, int Terminated, int Revoked, int Ended, decimal? CompletionRatePercent, decimal? BreachRatePercent)
{
    public static CourtOutcomesDto Of(IEnumerable<(OrderStatus Status, int Orders)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var by = counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Orders));
        int Of(OrderStatus s) => by.GetValueOrDefault(s);
        var total = by.Values.Sum();
        var ended = Of(OrderStatus.Completed) + Of(OrderStatus.Terminated) + Of(OrderStatus.Revoked);
        return new CourtOutcomesDto(
            total, Of(OrderStatus.Active), Of(OrderStatus.Breached), Of(OrderStatus.Completed), Of(OrderStatus.Terminated), Of(OrderStatus.Revoked), ended,
            Percent(Of(OrderStatus.Completed), ended), Percent(Of(OrderStatus.Breached) + Of(OrderStatus.Revoked), total));
    }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>RAR requirements the court made: how many, how many completed, the days it allowed and the days delivered (counted as the RAR page counts them).</summary>
public sealed record CourtRarDto(int Requirements, int Completed, int DaysOrdered, int DaysDelivered);

/// <summary>
/// Unpaid work requirements the court made and the hours ordered. Hours worked are not recorded yet (unpaid work sessions
/// are not stored), so <c>hoursCompleted</c> is empty rather than a guess.
/// </summary>
public sealed record CourtUnpaidWorkDto(int Requirements, int Completed, int HoursOrdered, int? HoursCompleted, string HoursCompletedNote);

/// <summary>One court's line in the report.</summary>
public sealed record CourtSummaryDto(string Court, CourtOutcomesDto Outcomes, CourtRarDto Rar, CourtUnpaidWorkDto UnpaidWork);

/// <summary>Every court that sentenced orders in the period, most orders first.</summary>
public sealed record CourtsReportDto(DateOnly From, DateOnly To, IReadOnlyList<CourtSummaryDto> Courts);

/// <summary>One kind of order a court made, and how those orders stand.</summary>
public sealed record CourtOrderTypeDto(OrderType Type, CourtOutcomesDto Outcomes);

/// <summary>One court in detail: its outcomes overall and by kind of order.</summary>
public sealed record CourtReportDto(
    string Court, DateOnly From, DateOnly To, CourtOutcomesDto Outcomes, IReadOnlyList<CourtOrderTypeDto> ByOrderType, CourtRarDto Rar, CourtUnpaidWorkDto UnpaidWork);

/// <summary>
/// Feedback to sentencers (Crest recommendation 8, PRACTICE.md section 2): for each sentencing court, how the orders it
/// made in a period turned out. Counts only, never names or CRNs; the cases the reader may not see are not counted
/// (<see cref="CaseAccessQueries"/>). A handful of queries for every court together, however many orders.
/// </summary>
public static class CourtFeedback
{
    public const string HoursCompletedNote =
        "Hours worked are reported once unpaid work sessions are recorded in OpenProbation; until then only the hours ordered are known.";

    /// <summary>The period asked for: <paramref name="to"/> defaults to today, <paramref name="from"/> to the day after the same day a year before <c>to</c>.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        return (from ?? end.AddYears(-1).AddDays(1), end);
    }

    /// <summary>Checks a period: <paramref name="from"/> not after <paramref name="to"/>. Field names are the query's.</summary>
    public static ValidationErrors CheckPeriod(DateOnly from, DateOnly to)
    {
        var errors = new ValidationErrors();
        if (from > to)
        {
            errors.Add("from", "The first sentence date must be on or before the last");
        }

        return errors;
    }

    /// <summary>True when the reader can see at least one order sentenced at this court, at any time.</summary>
    public static Task<bool> CourtExistsAsync(OpenProbationDbContext db, ClaimsPrincipal user, string court, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.VisibleOrders(user).AnyAsync(o => o.Court == court, ct);
    }

    /// <summary>Every court that sentenced orders from <paramref name="from"/> to <paramref name="to"/> (inclusive), most orders first.</summary>
    public static async Task<CourtsReportDto> CourtsAsync(OpenProbationDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var figures = await LoadAsync(db, user, from, to, court: null, ct);
        var courts = figures.Orders.Select(o => o.Court).Distinct(StringComparer.Ordinal)
            .Select(c => Summary(figures, c))
            .OrderByDescending(c => c.Outcomes.Orders).ThenBy(c => c.Court, StringComparer.Ordinal)
            .ToList();
        return new CourtsReportDto(from, to, courts);
    }

    /// <summary>One court in detail for the period; it may have no orders in it (all counts zero).</summary>
    public static async Task<CourtReportDto> CourtAsync(OpenProbationDbContext db, ClaimsPrincipal user, string court, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var figures = await LoadAsync(db, user, from, to, court, ct);
        var summary = Summary(figures, court);
        var byType = figures.Orders.GroupBy(o => o.Type).OrderBy(g => g.Key)
            .Select(g => new CourtOrderTypeDto(g.Key, CourtOutcomesDto.Of(g.Select(o => (o.Status, o.Count)))))
            .ToList();
        return new CourtReportDto(court, from, to, summary.Outcomes, byType, summary.Rar, summary.UnpaidWork);
    }

    /// <summary>
    /// The court table as CSV (RFC 4180, LF line endings, invariant numbers). A court name a spreadsheet would read as a
    /// formula (starting =, +, - or @) is written with a leading apostrophe.
    /// </summary>
    public static string Csv(CourtsReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string Field(string text)
        {
            var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
            return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
        }

        static string Number(decimal? value) => value?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var csv = new System.Text.StringBuilder(
            "court,sentencedFrom,sentencedTo,orders,active,breached,completed,terminated,revoked,completionRatePercent,breachRatePercent,"
            + "rarRequirements,rarDaysOrdered,rarDaysDelivered,unpaidWorkRequirements,unpaidWorkHoursOrdered\n");
        foreach (var c in report.Courts)
        {
            var o = c.Outcomes;
            csv.Append(string.Join(',', Field(c.Court), report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Number(o.Orders), Number(o.Active), Number(o.Breached), Number(o.Completed), Number(o.Terminated), Number(o.Revoked),
                Number(o.CompletionRatePercent), Number(o.BreachRatePercent), Number(c.Rar.Requirements), Number(c.Rar.DaysOrdered),
                Number(c.Rar.DaysDelivered), Number(c.UnpaidWork.Requirements), Number(c.UnpaidWork.HoursOrdered))).Append('\n');
        }

        return csv.ToString();
    }

    private sealed record OrderCount(string Court, OrderType Type, OrderStatus Status, int Count);

    private sealed record RequirementCount(string Court, RequirementType Type, RequirementStatus Status, int Count, int Hours, int Days);

    private sealed record Figures(List<OrderCount> Orders, List<RequirementCount> Requirements, Dictionary<string, int> DaysDelivered);

    private static async Task<Figures> LoadAsync(OpenProbationDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to, string? court, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var orders = db.VisibleOrders(user).AsNoTracking().Where(o => o.SentenceDate >= from && o.SentenceDate <= to);
        var requirements = db.VisibleRequirements(user).AsNoTracking().Where(r => r.Order!.SentenceDate >= from && r.Order.SentenceDate <= to);
        if (court is not null)
        {
            orders = orders.Where(o => o.Court == court);
            requirements = requirements.Where(r => r.Order!.Court == court);
        }

        var orderCounts = (await orders.GroupBy(o => new { o.Court, o.Type, o.Status })
                .Select(g => new { g.Key.Court, g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new OrderCount(g.Court, g.Type, g.Status, g.Count)).ToList();
        var requirementCounts = (await requirements.Where(r => r.Type == RequirementType.Rar || r.Type == RequirementType.UnpaidWork)
                .GroupBy(r => new { r.Order!.Court, r.Type, r.Status })
                .Select(g => new { g.Key.Court, g.Key.Type, g.Key.Status, Count = g.Count(), Hours = g.Sum(r => r.UnpaidWorkHours ?? 0), Days = g.Sum(r => r.RarMaxDays ?? 0) })
                .ToListAsync(ct))
            .Select(g => new RequirementCount(g.Court, g.Type, g.Status, g.Count, g.Hours, g.Days)).ToList();

        var rars = requirements.Where(r => r.Type == RequirementType.Rar);
        var delivered = await RarRecord.DaysDeliveredAsync(db, rars, ct);
        var courtOf = delivered.Count == 0
            ? []
            : await rars.Select(r => new { r.Id, r.Order!.Court }).ToDictionaryAsync(r => r.Id, r => r.Court, ct);
        var days = delivered.GroupBy(d => courtOf[d.Key], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Value), StringComparer.Ordinal);
        return new Figures(orderCounts, requirementCounts, days);
    }

    private static CourtSummaryDto Summary(Figures figures, string court)
    {
        var outcomes = CourtOutcomesDto.Of(figures.Orders.Where(o => o.Court == court).Select(o => (o.Status, o.Count)));
        var mine = figures.Requirements.Where(r => r.Court == court).ToList();
        var rar = mine.Where(r => r.Type == RequirementType.Rar).ToList();
        var unpaid = mine.Where(r => r.Type == RequirementType.UnpaidWork).ToList();
        return new CourtSummaryDto(
            court,
            outcomes,
            new CourtRarDto(rar.Sum(r => r.Count), rar.Where(r => r.Status == RequirementStatus.Completed).Sum(r => r.Count), rar.Sum(r => r.Days),
                figures.DaysDelivered.GetValueOrDefault(court)),
            new CourtUnpaidWorkDto(unpaid.Sum(r => r.Count), unpaid.Where(r => r.Status == RequirementStatus.Completed).Sum(r => r.Count), unpaid.Sum(r => r.Hours),
                null, HoursCompletedNote));
    }
}
