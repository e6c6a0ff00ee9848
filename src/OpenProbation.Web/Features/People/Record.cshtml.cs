using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.People;

public sealed record OfficerSpell(int OrderId, OrderType OrderType, string Officer, DateOnly From, DateOnly? To, string Reason, string AssignedBy);

/// <summary>A dated line on the person's timeline.</summary>
public sealed record TimelineEntry(DateOnly Date, string Title, string Detail, string? By);

/// <summary>
/// The person record: summary, markers, addresses, orders with requirements, responsible officers and a timeline.
/// A person the user may not see is "not found", exactly as one who does not exist.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class RecordModel(
    OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, IAuthorizationService authorization, OpenProbation.Domain.Orders.DeliverySettings delivery)
    : PageModel
{
    public Person Person { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool Restricted { get; private set; }

    public Address? CurrentAddress { get; private set; }

    public IReadOnlyList<Address> Addresses { get; private set; } = [];

    public IReadOnlyList<Marker> Markers { get; private set; } = [];

    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public IReadOnlyDictionary<int, string> CurrentOfficers { get; private set; } = new Dictionary<int, string>();

    /// <summary>Each order's newest sentence plan version: its status and the day it is due.</summary>
    public IReadOnlyDictionary<int, (OpenProbation.Domain.SentencePlans.SentencePlanStatus Status, DateOnly DueOn)> Plans { get; private set; } =
        new Dictionary<int, (OpenProbation.Domain.SentencePlans.SentencePlanStatus, DateOnly)>();

    public IReadOnlyList<OfficerSpell> Officers { get; private set; } = [];

    /// <summary>Failures to comply on the person's orders, newest first.</summary>
    public IReadOnlyList<OpenProbation.Domain.Enforcement.FailureToComply> Failures { get; private set; } = [];

    /// <summary>Each requirement against its commencement target and the time left on its order, by requirement id.</summary>
    public IReadOnlyDictionary<int, Orders.RequirementCheck> Checks { get; private set; } = new Dictionary<int, Orders.RequirementCheck>();

    /// <summary>Letters to the person, newest first.</summary>
    public IReadOnlyList<OpenProbation.Domain.Letters.Letter> Letters { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The current tier, if the case has one.</summary>
    public CaseTier? Tier { get; private set; }

    /// <summary>A lower tier waiting for a reason or countersignature.</summary>
    public CaseTier? PendingTier { get; private set; }

    /// <summary>The latest assessment, for ROSH, RSR and OGRS.</summary>
    public RiskAssessment? LatestAssessment { get; private set; }

    /// <summary>Every tier change, for the timeline.</summary>
    public IReadOnlyList<CaseTier> TierHistory { get; private set; } = [];

    public bool CanReadAudit { get; private set; }

    /// <summary>Contact compliance today; empty when no order is live.</summary>
    public ComplianceResult? Compliance { get; private set; }

    /// <summary>The next appointments booked, soonest first.</summary>
    public IReadOnlyList<Appointment> Upcoming { get; private set; } = [];

    /// <summary>The last held contact, if any.</summary>
    public ContactBrief? LastContact { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanExport { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, User, crn, track: false, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Today = clock.Today();
        Restricted = await db.CaseRestrictions.AnyAsync(r => r.PersonId == person.Id && r.IsRestricted, ct);
        Addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.StartDate).ToListAsync(ct);
        CurrentAddress = Addresses.FirstOrDefault(a => a.IsCurrentOn(Today));
        Markers = await db.Markers.AsNoTracking().Where(m => m.PersonId == person.Id).OrderByDescending(m => m.StartDate).ToListAsync(ct);
        Orders = await db.Orders.AsNoTracking().Include(o => o.Requirements)
            .Where(o => o.PersonId == person.Id).OrderByDescending(o => o.SentenceDate).ThenByDescending(o => o.Id).ToListAsync(ct);
        var orderIds = Orders.Select(o => o.Id).ToList();
        Checks = await OpenProbation.Web.Features.Orders.RequirementChecks.ForOrdersAsync(db, Orders, delivery, Today, ct);
        var spells = await db.Assignments.AsNoTracking()
            .Where(a => orderIds.Contains(a.OrderId))
            .OrderByDescending(a => a.FromDate).ThenByDescending(a => a.Id)
            .Select(a => new { a.OrderId, a.Order!.Type, a.StaffMember!.FirstName, a.StaffMember.LastName, a.FromDate, a.ToDate, a.Reason, a.AssignedBy })
            .ToListAsync(ct);
        Officers = [.. spells.Select(s => new OfficerSpell(s.OrderId, s.Type, $"{s.FirstName} {s.LastName}", s.FromDate, s.ToDate, s.Reason, s.AssignedBy))];
        CurrentOfficers = Officers.Where(o => o.To is null).GroupBy(o => o.OrderId).ToDictionary(g => g.Key, g => g.First().Officer);
        var plans = await db.SentencePlans.AsNoTracking().Where(p => orderIds.Contains(p.OrderId))
            .Select(p => new { p.OrderId, p.PlanNumber, p.Status, p.DueOn }).ToListAsync(ct);
        Plans = plans.GroupBy(p => p.OrderId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.PlanNumber).Select(p => (p.Status, p.DueOn)).First());
        Failures = await db.FailuresToComply.AsNoTracking().Where(f => f.PersonId == person.Id)
            .OrderByDescending(f => f.FailureDate).ThenByDescending(f => f.Id).ToListAsync(ct);
        Letters = await db.Letters.AsNoTracking().Where(l => l.PersonId == person.Id).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToListAsync(ct);
        TierHistory = await db.CaseTiers.AsNoTracking().Where(t => t.PersonId == person.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
        Tier = TierHistory.FirstOrDefault(t => t.Status == CaseTierStatus.Current);
        PendingTier = TierHistory.FirstOrDefault(t => t.IsPending);
        LatestAssessment = await db.RiskAssessments.AsNoTracking().Where(a => a.PersonId == person.Id && a.AssessedOn <= Today)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        Timeline = PersonTimeline.Build(Person, Addresses, Markers, Orders, Officers, TierHistory);
        Compliance = (await CaseCompliance.AssessAsync(db, policies, [person.Id], Today, ct)).GetValueOrDefault(person.Id);
        var now = clock.GetUtcNow();
        Upcoming = await db.Appointments.AsNoTracking().Where(a => a.PersonId == person.Id && a.StartsAt >= now && a.Outcome == null)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(3).ToListAsync(ct);
        LastContact = (await CaseCompliance.LastContactAsync(db, [person.Id], now, ct)).GetValueOrDefault(person.Id);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        CanReadAudit = (await authorization.AuthorizeAsync(User, Policies.ReadAudit)).Succeeded;
        CanExport = (await authorization.AuthorizeAsync(User, Policies.ExportSubjectAccess)).Succeeded;

        // Every view of a record is on the audit trail (PRACTICE.md section 7 line 9).
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.PersonRecord, ct);
        return Page();
    }

    /// <summary>How far through the order is today: "month 5 of 12", or where it stands if not running.</summary>
    public string Progress(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsLive)
        {
            return Wording.Status(order.Status);
        }

        if (Today < order.StartDate)
        {
            return $"Starts {Wording.Date(order.StartDate)}";
        }

        var total = order.ExpectedEndDate.DayNumber - order.StartDate.DayNumber + 1;
        var done = Math.Min(total, Today.DayNumber - order.StartDate.DayNumber + 1);
        return $"{done * 100 / Math.Max(1, total)}% of the order's time has passed ({total - done} days left)";
    }
}

/// <summary>Everything that happened to the person, newest first, from the records themselves.</summary>
public static class PersonTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(
        Person person, IEnumerable<Address> addresses, IEnumerable<Marker> markers, IEnumerable<Order> orders, IEnumerable<OfficerSpell> officers,
        IEnumerable<CaseTier>? tiers = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var entries = new List<TimelineEntry>
        {
            new(DateOnly.FromDateTime(person.CreatedAt.UtcDateTime), "Record created", $"CRN {person.Crn}", null),
        };
        foreach (var a in addresses)
        {
            entries.Add(new(a.StartDate, "Address from", $"{a.Line1}, {a.Town}", null));
        }

        foreach (var m in markers)
        {
            entries.Add(new(m.StartDate, "Marker added", Wording.Marker(m.Type, m.MappaLevel, m.MappaCategory), m.AddedBy));
            if (m.EndDate is { } end)
            {
                entries.Add(new(end, "Marker ended", Wording.Marker(m.Type, m.MappaLevel, m.MappaCategory), null));
            }
        }

        foreach (var o in orders)
        {
            entries.Add(new(o.SentenceDate, "Sentenced", $"{Wording.Order(o.Type)}, {Wording.Length(o.Length, o.LengthUnit)}, at {o.Court}", null));
            if (o.TerminationDate is { } ended)
            {
                entries.Add(new(ended, $"Order {Wording.Status(o.Status).ToLowerInvariant()}", o.TerminationReason ?? Wording.Order(o.Type), null));
            }

            foreach (var r in o.Requirements)
            {
                if (r.StartDate is { } started)
                {
                    entries.Add(new(started, "Requirement started", Wording.Requirement(r.Type), null));
                }

                if (r.EndDate is { } finished && r.Status is RequirementStatus.Completed or RequirementStatus.Terminated)
                {
                    entries.Add(new(finished, $"Requirement {Wording.Status(r.Status).ToLowerInvariant()}", r.TerminationReason ?? Wording.Requirement(r.Type), null));
                }
            }
        }

        foreach (var s in officers)
        {
            entries.Add(new(s.From, "Responsible officer allocated", $"{s.Officer} for the {OrderRules.Describe(s.OrderType)}: {s.Reason}", s.AssignedBy));
        }

        // Every tier change, and every downgrade proposed, is on the timeline: a tier is never lowered out of sight.
        foreach (var t in tiers ?? [])
        {
            var on = DateOnly.FromDateTime(t.CalculatedAt.UtcDateTime);
            if (t.Direction == TierChangeDirection.Downgrade)
            {
                entries.Add(new(on, "Lower tier proposed", $"{Wording.Tier(t.Tier)} from {Wording.Tier(t.PreviousTier ?? "")}: {Wording.TierStatus(t.Status).ToLowerInvariant()}", t.Trigger));
                if (t.ReasonAt is { } reasonAt)
                {
                    entries.Add(new(DateOnly.FromDateTime(reasonAt.UtcDateTime), "Reason for lower tier", t.Reason ?? "", t.ReasonBy));
                }

                if (t.CountersignedAt is { } signedAt)
                {
                    entries.Add(new(DateOnly.FromDateTime(signedAt.UtcDateTime), t.Status == CaseTierStatus.Refused ? "Lower tier refused" : "Lower tier countersigned",
                        t.CountersignNote ?? Wording.Tier(t.Tier), t.CountersignedBy));
                }
            }
            else if (t.Direction != TierChangeDirection.Unchanged)
            {
                entries.Add(new(on, t.Direction == TierChangeDirection.Upgrade ? "Tier raised" : "Tier set",
                    t.PreviousTier is null ? Wording.Tier(t.Tier) : $"{Wording.Tier(t.Tier)} from {Wording.Tier(t.PreviousTier)}", t.Trigger));
            }
        }

        return [.. entries.OrderByDescending(e => e.Date)];
    }
}
