using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Rar;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Orders;

/// <summary>
/// A requirement against the clock today: its commencement target (Crest: within a week of sentence, a month for
/// specialist requirements) and, where the record measures it, whether it can still be delivered before the order ends.
/// </summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Type">Its type.</param>
/// <param name="Commencement">Against the commencement target; empty for a terminated requirement or an order not running.</param>
/// <param name="Delivery">Against the time left; empty when the record does not measure it yet.</param>
/// <param name="NotMeasured">Why there is no delivery assessment, in words.</param>
public sealed record RequirementCheck(int RequirementId, RequirementType Type, CommencementReading? Commencement, DeliveryAssessment? Delivery, string? NotMeasured)
{
    /// <summary>True when the officer and manager must act: delivery at risk or impossible, or commencement overdue.</summary>
    public bool NeedsAction => Delivery?.NeedsAction == true || Commencement?.Status == CommencementStatus.Overdue;
}

/// <summary>Works out <see cref="RequirementCheck"/> for orders from the record, under <see cref="DeliverySettings"/>.</summary>
public static class RequirementChecks
{
    /// <summary>Each requirement of <paramref name="orders"/> (loaded with their requirements) by id: two queries whatever their number.</summary>
    public static async Task<Dictionary<int, RequirementCheck>> ForOrdersAsync(
        OpenProbationDbContext db, IReadOnlyCollection<Order> orders, DeliverySettings settings, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(orders);
        var rarIds = orders.SelectMany(o => o.Requirements).Where(r => r.Type == RequirementType.Rar).Select(r => r.Id).ToList();
        var delivered = rarIds.Count == 0 ? [] : await RarRecord.DaysDeliveredAsync(db, db.Requirements.Where(r => rarIds.Contains(r.Id)), ct);
        var result = new Dictionary<int, RequirementCheck>();
        foreach (var order in orders)
        {
            foreach (var r in order.Requirements)
            {
                result[r.Id] = Check(order, r, delivered.GetValueOrDefault(r.Id), settings, today);
            }
        }

        return result;
    }

    private static RequirementCheck Check(Order order, Requirement r, int rarDaysDelivered, DeliverySettings settings, DateOnly today)
    {
        var open = order.IsLive && r.Status is RequirementStatus.NotStarted or RequirementStatus.Active;
        var commencement = order.IsLive && r.Status != RequirementStatus.Terminated
            ? RequirementDelivery.Commencement(r.Type, order.SentenceDate, r.StartDate, today, settings)
            : null;
        if (!open)
        {
            return new(r.Id, r.Type, commencement, null, null);
        }

        return r.Type switch
        {
            RequirementType.Rar => new(r.Id, r.Type, commencement, RequirementDelivery.Assess(
                RequirementDelivery.RarNeed(r.Status, r.RarMaxDays ?? 0, rarDaysDelivered, order.ExpectedEndDate), today, settings), null),
            RequirementType.UnpaidWork => new(r.Id, r.Type, commencement, null, "Measured against the time left once unpaid work sessions are recorded"),
            RequirementType.AccreditedProgramme => new(r.Id, r.Type, commencement, null, "Measured against the time left once programme sessions and waiting lists are recorded"),
            _ => new(r.Id, r.Type, commencement, null, null),
        };
    }
}

/// <summary>A requirement's check in the API.</summary>
public sealed record RequirementCheckDto(
    int RequirementId, RequirementType Type, DateOnly? CommencementDue, CommencementStatus? Commencement, string? CommencementWords,
    DeliveryStatus? Delivery, int? WeeksNeeded, DateOnly? LatestStart, DateOnly? ActBy, DateOnly? WarnFrom, int? SlackDays, string? DeliveryWords,
    IReadOnlyList<DeliveryAdvice> Options, string? NotMeasured, bool NeedsAction)
{
    /// <summary>The check as the API gives it.</summary>
    public static RequirementCheckDto From(RequirementCheck c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.RequirementId, c.Type, c.Commencement?.Due, c.Commencement?.Status, c.Commencement?.Words, c.Delivery?.Status, c.Delivery?.WeeksNeeded,
            c.Delivery?.LatestStart, c.Delivery?.ActBy, c.Delivery?.WarnFrom, c.Delivery?.SlackDays, c.Delivery?.Words, c.Delivery?.Options ?? [],
            c.NotMeasured, c.NeedsAction);
    }
}

/// <summary><c>GET /api/v1/orders/{orderId}/delivery</c>: the order's requirements against the clock.</summary>
public static class RequirementChecksApi
{
    public static void MapRequirementChecks(this RouteGroupBuilder api) =>
        api.MapGet("/orders/{orderId:int}/delivery", Get).Lists<RequirementCheckDto>().WithTags("Requirements").RequireAuthorization(Policies.ReadCases)
            .WithSummary("Each requirement against its commencement target and the time left on the order, with the options when delivery is at risk");

    private static async Task<IResult> Get(int orderId, ClaimsPrincipal user, OpenProbationDbContext db, DeliverySettings settings, TimeProvider clock, CancellationToken ct)
    {
        if (await db.VisibleOrders(user).AsNoTracking().Include(o => o.Requirements).SingleOrDefaultAsync(o => o.Id == orderId, ct) is not { } order)
        {
            return ApiResults.NotFound("Order");
        }

        var checks = await RequirementChecks.ForOrdersAsync(db, [order], settings, clock.Today(), ct);
        var items = order.Requirements.OrderBy(r => r.Id).Select(r => RequirementCheckDto.From(checks[r.Id])).ToList();
        await AuditTrail.RecordViewAsync(db, order.PersonId, AuditTrail.Requirements, ct, nameof(Order), PeopleApi.Id(orderId));
        return TypedResults.Ok(new PagedList<RequirementCheckDto>(items, 1, Math.Max(1, items.Count), items.Count));
    }
}
