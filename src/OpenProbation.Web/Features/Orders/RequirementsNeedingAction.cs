using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Orders;

/// <summary>One requirement needing action, for the lists.</summary>
public sealed record AtRiskRow(string Crn, string Name, Order Order, Requirement Requirement, RequirementCheck Check, string? ResponsibleOfficer);

/// <summary>A requirement needing action as the API gives it.</summary>
public sealed record RequirementNeedingActionDto(
    string Crn, string Name, int OrderId, OrderType OrderType, DateOnly? OrderEnds, string? ResponsibleOfficer, RequirementCheckDto Check);

/// <summary>
/// The requirements that need action (<see cref="RequirementCheck.NeedsAction"/>: delivery at risk or impossible before the
/// order ends, or commencement overdue) across the running orders a user may see, soonest last day to act first: the
/// responsible officer's own cases, a team's, or all. The officer and the manager see them weeks ahead, not on the day
/// the order expires.
/// </summary>
public static class RequirementsNeedingAction
{
    /// <summary>
    /// The requirements needing action on the orders <paramref name="user"/> may see, limited to those held now by
    /// <paramref name="staffMemberId"/> or by anyone in <paramref name="teamId"/> when given.
    /// </summary>
    public static async Task<IReadOnlyList<AtRiskRow>> ListAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, DeliverySettings settings, DateOnly today, int? staffMemberId, int? teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var orders = db.VisibleOrders(user).AsNoTracking().Where(o => o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached)
            .Where(o => o.Requirements.Any(r => r.Status == RequirementStatus.NotStarted || r.Status == RequirementStatus.Active));
        if (staffMemberId is { } me)
        {
            var held = db.Assignments.Where(a => a.ToDate == null && a.StaffMemberId == me).Select(a => a.OrderId);
            orders = orders.Where(o => held.Contains(o.Id));
        }

        if (teamId is { } t)
        {
            var held = db.Assignments.Where(a => a.ToDate == null && a.StaffMember!.TeamId == t).Select(a => a.OrderId);
            orders = orders.Where(o => held.Contains(o.Id));
        }

        var loaded = await orders.Include(o => o.Requirements).Include(o => o.Person).ToListAsync(ct);
        var checks = await RequirementChecks.ForOrdersAsync(db, loaded, settings, today, ct);
        var officers = await ResponsibleOfficers.ForOrdersAsync(db, [.. loaded.Select(o => o.Id)], ct);
        return [.. loaded.SelectMany(o => o.Requirements.Select(r => (o, r)))
            .Where(x => checks[x.r.Id].NeedsAction)
            .Select(x => new AtRiskRow(x.o.Person!.Crn, x.o.Person.FullName, x.o, x.r, checks[x.r.Id], officers.GetValueOrDefault(x.o.Id)?.Name))
            .OrderBy(x => x.Check.Delivery?.ActBy ?? x.Check.Commencement?.Due ?? DateOnly.MaxValue).ThenBy(x => x.Crn, StringComparer.Ordinal)];
    }

    /// <summary><c>GET /api/v1/requirements-at-risk</c>: the same list as the page.</summary>
    public static void MapRequirementsNeedingAction(this RouteGroupBuilder api) =>
        api.MapGet("/requirements-at-risk", Get).Lists<RequirementNeedingActionDto>().ProducesValidationProblem().WithTags("Requirements")
            .RequireAuthorization(Policies.ReadCases)
            .WithSummary("Requirements needing action, soonest last day to act first: mine=true for your own cases (always, without a team role), or teamId");

    private static async Task<IResult> Get(
        bool? mine, int? teamId, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db, DeliverySettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        var (staffMemberId, errors) = await ScopeAsync(db, user, authorization, mine ?? false, teamId, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var rows = await ListAsync(db, user, settings, clock.Today(), staffMemberId, teamId, ct);
        var items = rows.Select(r => new RequirementNeedingActionDto(
            r.Crn, r.Name, r.Order.Id, r.Order.Type, r.Order.ExpectedEndDate, r.ResponsibleOfficer, RequirementCheckDto.From(r.Check))).ToList();
        return TypedResults.Ok(new PagedList<RequirementNeedingActionDto>(items, 1, Math.Max(1, items.Count), items.Count));
    }

    /// <summary>
    /// Whose cases a user's list covers: without a team role only their own (as responsible officer), whatever was asked;
    /// with one, their own when <paramref name="mine"/>, else a team's or all they may see. A team that does not exist is an error.
    /// </summary>
    public static async Task<(int? StaffMemberId, ValidationErrors Errors)> ScopeAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, bool mine, int? teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(authorization);
        var errors = new ValidationErrors();
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            errors.Add("teamId", "There is no team with that id");
        }

        var teams = (await authorization.AuthorizeAsync(user, Policies.ReadTeamCaseloads)).Succeeded;
        if (teams && !mine)
        {
            return (null, errors);
        }

        // No staff record: nobody's cases, so nothing (never everything).
        return (OpenProbationClaims.StaffMemberIdOf(user) ?? -1, errors);
    }
}
