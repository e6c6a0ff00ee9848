using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

public sealed class OutcomeInput
{
    public int Version { get; set; }

    public string? Outcome { get; set; }

    public string? Notes { get; set; }

    public string? AbsenceReason { get; set; }

    public string? AbsenceEvidence { get; set; }

    public DateParts NewDate { get; set; } = new();

    public string? NewTime { get; set; }
}

/// <summary>
/// One appointment: what was arranged, what happened (with any reason and evidence for an absence, which stay with the
/// record), and the form to record or correct the outcome. The version the user saw travels with the form, so an outcome
/// someone else recorded meanwhile is never overwritten unseen.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class AppointmentModel(
    OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, IAuthorizationService authorization, Domain.Letters.LetterTemplateSettings letters) : PageModel
{
    // The form's own fields; anything else refused (the room taken at the new time, the officer not in post then) is about the new date.
    private static readonly HashSet<string> OutcomeFields = new(StringComparer.Ordinal) { "outcome", "notes", "absenceReason", "absenceEvidence" };

    public Appointment Appointment { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public string StaffName { get; private set; } = "";

    public string? Place { get; private set; }

    public string? OrderName { get; private set; }

    public string? SessionTitle { get; private set; }

    public Appointment? Replacement { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>The appointment's letter, once made.</summary>
    public int? LetterId { get; private set; }

    public bool HasStarted { get; private set; }

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<SelectListItem> OutcomeItems =>
        Enum.GetValues<AppointmentOutcome>().Select(o => new SelectListItem(ContactWording.Outcome(o), o.ToString()));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, track: false, ct))
        {
            return NotFound();
        }

        Input = new OutcomeInput { Version = Appointment.Version, Outcome = Appointment.Outcome?.ToString() };
        await AuditTrail.RecordViewAsync(db, Person.Id, AuditTrail.Appointments, ct, "Appointment", Appointment.Id.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, track: true, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = FormValues.Choice<AppointmentOutcome>(Input.Outcome);
        DateTimeOffset? newStart = null;
        if (outcome == AppointmentOutcome.Rescheduled || !Input.NewDate.IsEmpty || !string.IsNullOrWhiteSpace(Input.NewTime))
        {
            newStart = TypedTime.Read(ModelState, "Input.NewDate", Input.NewDate, "Input.NewTime", Input.NewTime, "New date");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = new OutcomeDetails(outcome, Input.Notes, Input.AbsenceReason, Input.AbsenceEvidence, newStart);
        Appointment? replacement;
        ValidationErrors errors;
        try
        {
            (replacement, errors) = await CaseAppointments.RecordOutcomeAsync(
                db, policies, Appointment, Input.Version, details, User.Identity!.Name!, clock.GetUtcNow(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our check and our save: the same as a stale version.
            errors = new ValidationErrors().Add(CaseAppointments.VersionField, CaseAppointments.StaleMessage);
            replacement = null;
        }

        if (errors.Fields.Contains(CaseAppointments.VersionField))
        {
            // Show what is recorded now, keep what was typed, and let the user try again against the new version.
            db.ChangeTracker.Clear();
            await LoadAsync(id, track: false, ct);
            ModelState.AddModelError("Input.Outcome", CaseAppointments.StaleMessage);
            ModelState.Remove("Input.Version");
            Input.Version = Appointment.Version;
            return Page();
        }

        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors.Renamed(f => OutcomeFields.Contains(f) ? f : "newDate"), "Input");
            return Page();
        }

        Confirmation = replacement is { } moved
            ? $"Appointment rescheduled to {ContactWording.When(moved.StartsAt)}"
            : $"Outcome recorded: {AppointmentOutcomes.Describe(Appointment.Outcome!.Value)}";
        return Redirect($"/people/{Person.Crn}/contacts");
    }

    /// <summary>Makes the appointment letter, or opens the one already made: one letter per appointment, whoever asks.</summary>
    public async Task<IActionResult> OnPostLetterAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, track: false, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var (letter, _) = await Letters.LetterRecord.ForAppointmentAsync(db, letters, Appointment, User.Identity!.Name!, clock.GetUtcNow(), ct);
        return Redirect($"/letters/{letter.Id}");
    }

    private async Task<bool> LoadAsync(int id, bool track, CancellationToken ct)
    {
        // The case-access predicate is in the query: an appointment of a case the user may not see is not found.
        if (await CaseAppointments.FindAsync(db, User, id, track, ct) is not { } appointment)
        {
            return false;
        }

        Appointment = appointment;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == appointment.PersonId, ct);
        HasStarted = appointment.StartsAt <= clock.GetUtcNow();
        StaffName = await db.Staff.AsNoTracking().Where(s => s.Id == appointment.StaffMemberId).Select(s => s.FirstName + " " + s.LastName).SingleOrDefaultAsync(ct) ?? "";
        var location = appointment.LocationId is { } l ? await db.Locations.AsNoTracking().Where(x => x.Id == l).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var room = appointment.RoomId is { } r ? await db.Rooms.AsNoTracking().Where(x => x.Id == r).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        Place = location is null ? null : room is null ? location : $"{location}, {room}";
        var order = appointment.OrderId is { } o ? await db.Orders.AsNoTracking().Where(x => x.Id == o).Select(x => new { x.Type, x.SentenceDate }).SingleOrDefaultAsync(ct) : null;
        OrderName = order is null ? null : $"{Wording.Order(order.Type)}, sentenced {Wording.Date(order.SentenceDate)}";
        SessionTitle = appointment.GroupSessionId is { } g ? await db.GroupSessions.AsNoTracking().Where(x => x.Id == g).Select(x => x.Title).SingleOrDefaultAsync(ct) : null;
        Replacement = await db.Appointments.AsNoTracking().Where(a => a.RescheduledFromId == appointment.Id).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        var letterKey = Domain.Letters.LetterEvents.Appointment(appointment.Id);
        LetterId = await db.Letters.Where(x => x.EventKey == letterKey).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        return true;
    }
}
