using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>The appointment form as typed: every field is text, so a mistake comes back exactly as it was typed.</summary>
public sealed class AppointmentInput
{
    public string? Type { get; set; }

    public DateParts Date { get; set; } = new();

    public string? Time { get; set; }

    public string? Duration { get; set; }

    public string? StaffMemberId { get; set; }

    public string? OrderId { get; set; }

    public string? LocationId { get; set; }

    public string? RoomId { get; set; }

    public string? GroupSessionId { get; set; }

    public string? RequirementId { get; set; }

    public string? Enforceable { get; set; }

    public string? CountsTowardsRar { get; set; }

    public string? PlanNeed { get; set; }

    public string? RepeatEveryDays { get; set; }

    public string? Occurrences { get; set; }

    public string? Notes { get; set; }

    public string? Outcome { get; set; }

    public string? OutcomeNotes { get; set; }

    public string? AbsenceReason { get; set; }

    public string? AbsenceEvidence { get; set; }
}

/// <summary>Reading dates and times typed into GOV.UK fields, in London time.</summary>
public static class TypedTime
{
    /// <summary>"14:30", "9:05", "9.05" or "0930"; null with a message otherwise.</summary>
    public static TimeOnly? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter the time";
            return null;
        }

        var t = text.Trim().Replace('.', ':');
        if (t.Length == 4 && !t.Contains(':', StringComparison.Ordinal))
        {
            t = t[..2] + ":" + t[2..];
        }

        if (TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        error = "Enter the time as hours and minutes on the 24-hour clock, like 14:30";
        return null;
    }

    /// <summary>The instant a London date and time stand for; null (with errors on the state) when either is wrong.</summary>
    public static DateTimeOffset? Read(ModelStateDictionary state, string dateKey, DateParts date, string timeKey, string? time, string label)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(date);
        var day = date.Parse(label, out var dateError);
        if (dateError is not null)
        {
            state.AddModelError(dateKey, dateError);
        }

        var clock = Parse(time, out var timeError);
        if (timeError is not null)
        {
            state.AddModelError(timeKey, timeError);
        }

        return day is { } d && clock is { } c ? AppointmentRules.FromLocal(d.ToDateTime(c), ContactPolicies.Zone) : null;
    }

    /// <summary>"yyyy-mm-dd" or "d/m/yyyy"; null for anything else.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>
/// What "arrange an appointment" and "record a contact" share: the person, the choices of staff, orders, places and
/// requirements, and turning the typed form into the domain's details.
/// </summary>
public abstract class AppointmentFormPage(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : PageModel
{
    /// <summary>How the domain's field names map onto the form's.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>
    {
        ["startsAt"] = "Date",
        ["durationMinutes"] = "Duration",
        ["isEnforceable"] = "Enforceable",
    };

    [BindProperty]
    public AppointmentInput Input { get; set; } = new();

    public Person Person { get; private set; } = null!;

    /// <summary>True for recording a contact that has happened, with its outcome.</summary>
    public abstract bool RecordsContact { get; }

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OrderItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> LocationItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoomItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SessionItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RequirementItems { get; private set; } = [];

    /// <summary>The needs in the sentence plans of the person's orders with a RAR, each with its agreed outcomes.</summary>
    public IReadOnlyList<SelectListItem> PlanNeedItems { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<SelectListItem> TypeItems =>
        Enum.GetValues<AppointmentType>().Select(t => new SelectListItem(ContactWording.Type(t), t.ToString()));

    public static IEnumerable<SelectListItem> ContactOutcomeItems =>
        Enum.GetValues<AppointmentOutcome>().Where(o => o != AppointmentOutcome.Rescheduled)
            .Select(o => new SelectListItem(ContactWording.Outcome(o), o.ToString()));

    public static IEnumerable<SelectListItem> EnforceableItems =>
    [
        new("As the type: enforceable, except appointments with another agency", ""),
        new("Yes, a failure to comply can be enforced", "yes"),
        new("No", "no"),
    ];

    public static IEnumerable<SelectListItem> RarItems =>
    [
        new("As the type: only RAR sessions count", ""),
        new("Yes, it is a RAR day", "yes"),
        new("No", "no"),
    ];

    protected async Task<bool> LoadAsync(string crn, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        var today = clock.Today();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Requirements)
            .Where(o => o.PersonId == person.Id).OrderByDescending(o => o.SentenceDate).ThenByDescending(o => o.Id).ToListAsync(ct);
        OrderItems = [.. orders.Select(o => new SelectListItem($"{Wording.Order(o.Type)}, sentenced {Wording.Date(o.SentenceDate)}{(o.IsLive ? "" : $" ({Wording.Status(o.Status).ToLowerInvariant()})")}", o.Id.ToString(CultureInfo.InvariantCulture)))];
        _rarOrders = orders.SelectMany(o => o.Requirements.Where(r => r.Type == RequirementType.Rar)).ToDictionary(r => r.Id, r => r.OrderId);
        RequirementItems = [.. orders.SelectMany(o => o.Requirements.Where(r => r.Type == RequirementType.Rar).Select(r =>
            new SelectListItem($"RAR{(r.RarMaxDays is { } days ? $", up to {days} days" : "")}, {Wording.Order(o.Type).ToLowerInvariant()} sentenced {Wording.Date(o.SentenceDate)}", r.Id.ToString(CultureInfo.InvariantCulture))))];

        var needs = new List<SelectListItem>();
        foreach (var order in orders.Where(o => o.Requirements.Any(r => r.Type == RequirementType.Rar)))
        {
            foreach (var need in await Rar.RarRecord.PlanNeedsAsync(db, order.Id, ct))
            {
                var agreed = need.AgreedOutcomes.Count == 0 ? "no outcome agreed yet" : $"agreed: {string.Join("; ", need.AgreedOutcomes)}";
                var label = $"{Domain.Risk.NeedAreas.Label(need.Need)} ({agreed})";
                if (needs.All(n => n.Value != need.Need.ToString()))
                {
                    needs.Add(new SelectListItem(label, need.Need.ToString()));
                }
            }
        }

        PlanNeedItems = needs;

        // Whom with: the signed-in officer's team, the case's responsible officers and the officer themself.
        var orderIds = orders.Select(o => o.Id).ToList();
        var officers = await db.Assignments.AsNoTracking().Where(a => orderIds.Contains(a.OrderId) && a.ToDate == null).Select(a => a.StaffMemberId).ToListAsync(ct);
        var me = OpenProbationClaims.StaffMemberIdOf(User);
        var teams = await db.Staff.AsNoTracking().Where(s => s.Id == me || officers.Contains(s.Id)).Select(s => s.TeamId).Distinct().ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking()
            .Where(s => (teams.Contains(s.TeamId) || s.Id == me || officers.Contains(s.Id)) && (s.EndDate == null || s.EndDate >= today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.StaffCode })
            .ToListAsync(ct);
        StaffItems = [.. staff.Select(s => new SelectListItem(
            $"{s.FirstName} {s.LastName} ({s.StaffCode}){(s.Id == me ? ", you" : officers.Contains(s.Id) ? ", responsible officer" : "")}", s.Id.ToString(CultureInfo.InvariantCulture)))];
        DefaultStaff = me is { } mine && staff.Any(s => s.Id == mine) ? mine : officers.Count > 0 ? officers[0] : null;

        var locations = await db.Locations.AsNoTracking().Include(l => l.Rooms).OrderBy(l => l.Name).ToListAsync(ct);
        LocationItems = [.. locations.Select(l => new SelectListItem(l.Name, l.Id.ToString(CultureInfo.InvariantCulture)))];
        RoomItems = [.. locations.SelectMany(l => l.Rooms.OrderBy(r => r.Name).Select(r =>
            new SelectListItem($"{l.Name}: {r.Name} ({(r.IsPrivate ? "private" : "open plan")}, holds {r.Capacity})", r.Id.ToString(CultureInfo.InvariantCulture))))];

        var from = UkTime.StartOfDay(RecordsContact ? today.AddDays(-28) : today);
        var until = UkTime.StartOfDay(today.AddDays(RecordsContact ? 1 : 56));
        var sessions = await db.GroupSessions.AsNoTracking().Where(g => g.StartsAt >= from && g.StartsAt < until)
            .OrderBy(g => g.StartsAt).Take(100).Select(g => new { g.Id, g.Title, g.Type, g.StartsAt }).ToListAsync(ct);
        SessionItems = [.. sessions.Select(g => new SelectListItem($"{g.Title} ({ContactWording.Type(g.Type).ToLowerInvariant()}), {ContactWording.When(g.StartsAt)}", g.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }

    /// <summary>The staff member the form starts with: the signed-in officer, else the case's responsible officer.</summary>
    public int? DefaultStaff { get; private set; }

    /// <summary>The form's starting values; with a RAR of the person's (the RAR page's link), a RAR session for it.</summary>
    protected void Defaults(int? rarRequirementId = null)
    {
        Input.Duration = "60";
        Input.StaffMemberId = DefaultStaff?.ToString(CultureInfo.InvariantCulture);
        Input.OrderId = OrderItems.Count > 0 ? OrderItems[0].Value : null;
        if (rarRequirementId is { } rar && _rarOrders.TryGetValue(rar, out var order))
        {
            Input.Type = nameof(AppointmentType.RarSession);
            Input.RequirementId = rar.ToString(CultureInfo.InvariantCulture);
            Input.OrderId = order.ToString(CultureInfo.InvariantCulture);
        }
    }

    private Dictionary<int, int> _rarOrders = [];

    /// <summary>The typed form as the domain's details; format mistakes go on the model state.</summary>
    protected async Task<AppointmentDetails> DetailsAsync(CancellationToken ct)
    {
        var startsAt = TypedTime.Read(ModelState, "Input.Date", Input.Date, "Input.Time", Input.Time, "Date");
        var roomId = Number("Input.RoomId", Input.RoomId, "The room");
        var locationId = Number("Input.LocationId", Input.LocationId, "The location");
        var sessionId = Number("Input.GroupSessionId", Input.GroupSessionId, "The group session");
        var type = FormValues.Choice<AppointmentType>(Input.Type);

        // A room implies its location, so without JavaScript nobody has to pick both.
        if (locationId is null && roomId is { } room)
        {
            locationId = await db.Rooms.Where(r => r.Id == room).Select(r => (int?)r.LocationId).SingleOrDefaultAsync(ct);
        }

        // A group appointment is held when and where its session is: a session chosen fills what was left empty.
        if (sessionId is { } s && type is { } t && AppointmentTypes.IsGroup(t)
            && await db.GroupSessions.AsNoTracking().SingleOrDefaultAsync(g => g.Id == s, ct) is { } session)
        {
            if (Input.Date.IsEmpty && string.IsNullOrWhiteSpace(Input.Time))
            {
                ModelState.Remove("Input.Date");
                ModelState.Remove("Input.Time");
                startsAt = session.StartsAt;
            }

            locationId ??= session.LocationId;
            roomId ??= session.RoomId;
        }

        return new AppointmentDetails(
            type,
            startsAt,
            Number("Input.Duration", Input.Duration, "The duration"),
            Number("Input.StaffMemberId", Input.StaffMemberId, "The member of staff"),
            Number("Input.OrderId", Input.OrderId, "The order"),
            locationId,
            roomId,
            sessionId,
            Number("Input.RequirementId", Input.RequirementId, "The requirement"),
            YesNo(Input.Enforceable),
            YesNo(Input.CountsTowardsRar),
            Input.Notes,
            RecordsContact ? null : Number("Input.RepeatEveryDays", Input.RepeatEveryDays, "How often it repeats"),
            RecordsContact ? null : Number("Input.Occurrences", Input.Occurrences, "How many appointments"),
            FormValues.Choice<Domain.Risk.NeedArea>(Input.PlanNeed));
    }

    /// <summary>Arranges (or records) and redirects to the contact log; or shows the form again with every error.</summary>
    protected async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        var details = await DetailsAsync(ct);
        var now = clock.GetUtcNow();
        var user = User.Identity!.Name!;
        var outcome = new OutcomeDetails(FormValues.Choice<AppointmentOutcome>(Input.Outcome), Input.OutcomeNotes, Input.AbsenceReason, Input.AbsenceEvidence, null);
        if (!ModelState.IsValid)
        {
            // Something was typed wrongly: say so, with the rest of what is already known to be missing or wrong.
            ModelState.AddDomainErrors(WithoutTypedMistakes(details.Validate(now, allowPast: RecordsContact)), "Input", FieldNames);
            if (RecordsContact)
            {
                ModelState.AddDomainErrors(new ValidationErrors().Defined("outcome", outcome.Outcome, "an outcome"), "Input");
            }

            return Page();
        }

        IReadOnlyList<Appointment> saved;
        ValidationErrors errors;
        if (RecordsContact)
        {
            (var recorded, errors) = await CaseAppointments.RecordContactAsync(db, policies, Person.Id, details, outcome, user, now, ct);
            saved = recorded is null ? [] : [recorded];
        }
        else
        {
            (saved, errors) = await CaseAppointments.ArrangeAsync(db, policies, Person.Id, details, user, now, ct);
        }

        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "Input", FieldNames);
            return Page();
        }

        var first = saved[0];
        Confirmation = RecordsContact
            ? $"Contact recorded: {AppointmentTypes.Describe(first.Type)} on {ContactWording.When(first.StartsAt)}, {AppointmentOutcomes.Describe(first.Outcome!.Value)}"
            : saved.Count == 1
                ? $"Appointment arranged: {AppointmentTypes.Describe(first.Type)} on {ContactWording.When(first.StartsAt)}"
                : $"{saved.Count} appointments arranged: {AppointmentTypes.Describe(first.Type)} from {ContactWording.When(first.StartsAt)} to {ContactWording.When(saved[^1].StartsAt)}";
        return Redirect($"/people/{Person.Crn}/contacts");
    }

    private int? Number(string key, string? text, string label) => FormValues.WholeNumber(ModelState, key, text, label);

    // A date or time typed wrongly already says so: "Enter the date and time" on top of it would only confuse.
    private ValidationErrors WithoutTypedMistakes(ValidationErrors errors)
    {
        var typedWrong = ModelState.TryGetValue("Input.Time", out var time) && time.Errors.Count > 0;
        var kept = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            if (field == "startsAt" && typedWrong)
            {
                continue;
            }

            foreach (var message in messages)
            {
                kept.Add(field, message);
            }
        }

        return kept;
    }

    private static bool? YesNo(string? text) => text switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
