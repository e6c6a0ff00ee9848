using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

public sealed class RequirementInput
{
    public string? Type { get; set; }

    public string? RarMaxDays { get; set; }

    public string? UnpaidWorkHours { get; set; }

    public string? ProgrammeName { get; set; }

    public string? LengthMonths { get; set; }

    public string? Description { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Type);
}

public sealed class OrderInput
{
    public string? Type { get; set; }

    public string? Court { get; set; }

    public string? Offence { get; set; }

    public DateParts SentenceDate { get; set; } = new();

    public string? Length { get; set; }

    public string? LengthUnit { get; set; }

    public List<RequirementInput> Requirements { get; set; } = [];

    public string? AllocationTeamId { get; set; }
}

/// <summary>
/// Step two: the sentence. The order and its requirements are saved together or not at all, and the new order
/// waits for allocation (it has no responsible officer yet).
/// </summary>
[Authorize(Policy = Policies.EnterCourtOutcomes)]
public sealed class OrderModel(OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock) : PageModel
{
    /// <summary>Requirement rows on the form; a sentence with more is rare and the rest can be added later.</summary>
    public const int RequirementRows = 4;

    [BindProperty]
    public OrderInput Input { get; set; } = new();

    public Person Person { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<SelectListItem> OrderTypes =>
        Enum.GetValues<OrderType>().Select(t => new SelectListItem(Wording.Order(t), t.ToString()));

    public static IEnumerable<SelectListItem> LengthUnits =>
        Enum.GetValues<LengthUnit>().Select(u => new SelectListItem(u.ToString(), u.ToString()));

    public static IEnumerable<SelectListItem> RequirementTypes =>
        Enum.GetValues<RequirementType>().Select(t => new SelectListItem(Wording.Requirement(t), t.ToString()));

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Input.LengthUnit = nameof(Domain.Orders.LengthUnit.Months);
        Input.AllocationTeamId = (await DefaultTeamAsync(person.Id, ct))?.ToString(CultureInfo.InvariantCulture);
        await LoadTeamsAsync(ct);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string crn, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        await LoadTeamsAsync(ct);
        var today = clock.Today();
        var team = FormValues.Id(Input.AllocationTeamId);
        if (!string.IsNullOrEmpty(Input.AllocationTeamId) && (team is null || !TeamItems.Any(t => t.Value == Input.AllocationTeamId)))
        {
            ModelState.AddModelError("Input.AllocationTeamId", "Choose a team from the list, or no team");
        }

        var sentenced = Input.SentenceDate.Parse("Sentence date", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.SentenceDate", dateError);
        }

        var length = Number("Input.Length", Input.Length, "The length");
        var details = new OrderDetails(FormValues.Choice<OrderType>(Input.Type), Input.Court, Input.Offence, sentenced, null, length,
            FormValues.Choice<LengthUnit>(Input.LengthUnit), null, null, null, null);
        ModelState.AddDomainErrors(details.Validate(today), "Input");

        var order = new Order { PersonId = person.Id };
        var requirements = new List<Requirement>();
        if (ModelState.IsValid)
        {
            order.Apply(details);
        }
        else
        {
            // Requirements are still checked against what is known of the order, so every mistake shows at once;
            // the dates the order lacks cannot make a requirement look late.
            order.Type = FormValues.Choice<OrderType>(Input.Type) ?? OrderType.CommunityOrder;
            order.Status = OrderStatus.Active;
            order.StartDate = sentenced ?? today;
            order.ExpectedEndDate = DateOnly.MaxValue;
        }

        for (var i = 0; i < Input.Requirements.Count; i++)
        {
            var row = Input.Requirements[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var prefix = $"Input.Requirements[{i}]";
            var r = new RequirementDetails(FormValues.Choice<RequirementType>(row.Type), Number($"{prefix}.RarMaxDays", row.RarMaxDays, "RAR days"),
                Number($"{prefix}.UnpaidWorkHours", row.UnpaidWorkHours, "Unpaid work hours"), row.ProgrammeName,
                Number($"{prefix}.LengthMonths", row.LengthMonths, "The length"), row.Description, null, null, null, null);
            var errors = r.Validate(order, today);
            ModelState.AddDomainErrors(errors, prefix);
            if (errors.IsValid)
            {
                var requirement = new Requirement();
                requirement.Apply(r);
                requirements.Add(requirement);
            }
        }

        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }

        order.AllocationTeamId = team;
        order.Requirements.AddRange(requirements);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, person.Id, CaseTiers.OrderChanged, ct);
        Confirmation = requirements.Count == 0
            ? $"Court outcome recorded: {OrderRules.Describe(order.Type)}. It is waiting to be allocated to a responsible officer."
            : $"Court outcome recorded: {OrderRules.Describe(order.Type)} with {requirements.Count} {(requirements.Count == 1 ? "requirement" : "requirements")}. It is waiting to be allocated to a responsible officer.";
        return Redirect($"/people/{person.Crn}");
    }

    /// <summary>The team of the person's most recent responsible officer, else the user's own team.</summary>
    private async Task<int?> DefaultTeamAsync(int personId, CancellationToken ct)
    {
        var previous = await db.Assignments.AsNoTracking()
            .Where(a => a.Order!.PersonId == personId)
            .OrderByDescending(a => a.FromDate).ThenByDescending(a => a.Id)
            .Select(a => (int?)a.StaffMember!.TeamId)
            .FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            return previous;
        }

        return OpenProbationClaims.StaffMemberIdOf(User) is { } me
            ? await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.TeamId).SingleOrDefaultAsync(ct)
            : null;
    }

    private async Task LoadTeamsAsync(CancellationToken ct) =>
        TeamItems = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(CultureInfo.InvariantCulture)))];

    private void Pad()
    {
        while (Input.Requirements.Count < RequirementRows)
        {
            Input.Requirements.Add(new RequirementInput());
        }
    }

    private int? Number(string key, string? text, string label) => FormValues.WholeNumber(ModelState, key, text, label);
}
