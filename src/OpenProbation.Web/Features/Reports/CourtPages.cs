using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Reports;

/// <summary>The sentence-date period the court pages are filtered by, read from the query string so links keep it.</summary>
public abstract class CourtReportPage(TimeProvider clock) : PageModel
{
    /// <summary>The first sentence date, as typed (1/11/2026 or 2026-11-01).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The last sentence date, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The period shown; empty when what was typed is wrong.</summary>
    public (DateOnly From, DateOnly To)? Period { get; private set; }

    /// <summary>The query string that keeps the period, for links.</summary>
    public string PeriodQuery => Period is { } p
        ? $"from={p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : "";

    /// <summary>Reads the period, putting any mistake against its field.</summary>
    protected bool ReadPeriod()
    {
        DateOnly? from = null;
        DateOnly? to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            from = TypedTime.ParseDate(From);
            if (from is null)
            {
                ModelState.AddModelError(nameof(From), "The first sentence date must be a real date, like 1/11/2025");
            }
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            to = TypedTime.ParseDate(To);
            if (to is null)
            {
                ModelState.AddModelError(nameof(To), "The last sentence date must be a real date, like 30/11/2026");
            }
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        var (start, end) = CourtFeedback.Period(from, to, clock.Today());
        if (!CourtFeedback.CheckPeriod(start, end).IsValid)
        {
            ModelState.AddModelError(nameof(From), "The first sentence date must be on or before the last");
            return false;
        }

        Period = (start, end);
        From ??= start.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        To ??= end.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A rate for the page: "50%", or "None ended" style words when there is nothing to divide by.</summary>
    public static string Rate(decimal? percent, string none) =>
        percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : none;
}

/// <summary>
/// Feedback to sentencers (Crest recommendation 8): every court with the outcomes of the orders it made in the period.
/// Counts only; the cases the reader may not see are not counted.
/// </summary>
[Authorize(Policy = Policies.ReadCourtFeedback)]
public sealed class CourtsModel(OpenProbationDbContext db, TimeProvider clock) : CourtReportPage(clock)
{
    public CourtsReportDto? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReadPeriod())
        {
            Report = await CourtFeedback.CourtsAsync(db, User, Period!.Value.From, Period.Value.To, ct);
        }
    }

    /// <summary>The court table as CSV (<c>?handler=Csv</c>), for a spreadsheet; a wrong period shows the page with its errors.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ReadPeriod())
        {
            return Page();
        }

        var report = await CourtFeedback.CourtsAsync(db, User, Period!.Value.From, Period.Value.To, ct);
        var name = $"court-feedback-{report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-to-{report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(System.Text.Encoding.UTF8.GetBytes(CourtFeedback.Csv(report)), "text/csv; charset=utf-8", name);
    }
}

/// <summary>One court's feedback: its orders by type and outcome, the completion and breach rates, RAR days and unpaid work hours.</summary>
[Authorize(Policy = Policies.ReadCourtFeedback)]
public sealed class CourtModel(OpenProbationDbContext db, TimeProvider clock) : CourtReportPage(clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public CourtReportDto? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > Domain.Common.FieldLimits.Title || !await CourtFeedback.CourtExistsAsync(db, User, Name, ct))
        {
            return NotFound();
        }

        if (ReadPeriod())
        {
            Report = await CourtFeedback.CourtAsync(db, User, Name, Period!.Value.From, Period.Value.To, ct);
        }

        return Page();
    }
}
