using System.Security.Claims;
using OpenProbation.Domain.Common;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Reports;

/// <summary>Court feedback through the API: <c>GET /api/v1/reports/courts</c> and <c>GET /api/v1/reports/courts/{court}</c>.</summary>
public static class CourtReportsApi
{
    public static void MapCourtReports(this RouteGroupBuilder api)
    {
        var courts = api.MapGroup("/reports/courts").WithTags("Reports");
        courts.MapGet("/", List).Produces<CourtsReportDto>().ProducesValidationProblem().RequireAuthorization(Policies.ReadCourtFeedback)
            .WithSummary("Feedback to sentencers: for each court, the orders it made from `from` to `to` (sentence dates, default the last year) by outcome, RAR days delivered and unpaid work hours ordered; counts only");
        courts.MapGet("/{court}", Get).Reads<CourtReportDto>().ProducesValidationProblem().RequireAuthorization(Policies.ReadCourtFeedback)
            .WithSummary("One court's feedback: its orders by type and outcome, completion and breach rates, RAR days delivered and unpaid work hours ordered; 404 when you can see no order it made");
    }

    /// <summary>Reads the period from the query, with the defaults, or the problem to answer.</summary>
    internal static ((DateOnly From, DateOnly To) Period, IResult? Problem) Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var (start, end) = CourtFeedback.Period(from, to, clock.Today());
        var errors = CourtFeedback.CheckPeriod(start, end);
        return ((start, end), errors.IsValid ? null : ApiResults.Invalid(errors));
    }

    private static async Task<IResult> List(DateOnly? from, DateOnly? to, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (period, problem) = Period(from, to, clock);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await CourtFeedback.CourtsAsync(db, user, period.From, period.To, ct));
    }

    private static async Task<IResult> Get(
        string court, DateOnly? from, DateOnly? to, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // The path is decoded except for an encoded slash, which a court's name may hold.
        var name = court.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var errors = new ValidationErrors().MaxLength("court", name, FieldLimits.Title, "the court");
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var (period, problem) = Period(from, to, clock);
        if (problem is not null)
        {
            return problem;
        }

        if (!await CourtFeedback.CourtExistsAsync(db, user, name, ct))
        {
            return TypedResults.Problem(title: "Court not found", detail: "No order that you can see was made by a court of that name.", statusCode: 404);
        }

        return TypedResults.Ok(await CourtFeedback.CourtAsync(db, user, name, period.From, period.To, ct));
    }
}
