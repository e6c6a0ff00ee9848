using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>How the contact log is filtered; read from the query string, so links and bookmarks keep it.</summary>
public sealed class ContactLogFilter
{
    public string? From { get; set; }

    public string? To { get; set; }

    public string? Type { get; set; }

    /// <summary>An outcome's name, or <c>none</c> for appointments whose outcome is not yet recorded.</summary>
    public string? Outcome { get; set; }

    public int Page { get; set; } = 1;

    public string Query(bool withPage = false) => string.Join('&', new[]
    {
        string.IsNullOrWhiteSpace(From) ? null : "from=" + Uri.EscapeDataString(From),
        string.IsNullOrWhiteSpace(To) ? null : "to=" + Uri.EscapeDataString(To),
        string.IsNullOrEmpty(Type) ? null : "type=" + Uri.EscapeDataString(Type),
        string.IsNullOrEmpty(Outcome) ? null : "outcome=" + Uri.EscapeDataString(Outcome),
        withPage ? "page=" + Page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => p is not null));
}

/// <summary>One line of the contact log.</summary>
public sealed record ContactLogRow(Appointment Appointment, string Staff, string? Place);

/// <summary>
/// A person's appointments and contacts, newest first, filtered and paged, under the case's contact compliance today:
/// whether it is in standard and why not (PRACTICE.md section 7 line 5).
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class LogModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public ContactLogFilter Filter { get; set; } = new();

    public Person Person { get; private set; } = null!;

    public ComplianceResult? Compliance { get; private set; }

    public IReadOnlyList<ContactLogRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public PaginationModel Pagination { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Now = clock.GetUtcNow();
        var today = clock.Today();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        Compliance = (await CaseCompliance.AssessAsync(db, policies, [person.Id], today, ct)).GetValueOrDefault(person.Id);

        var query = db.Appointments.AsNoTracking().Where(a => a.PersonId == person.Id);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.From))
        {
            if (TypedTime.ParseDate(Filter.From) is { } from)
            {
                var start = UkTime.StartOfDay(from);
                query = query.Where(a => a.StartsAt >= start);
            }
            else
            {
                errors.Add("The first date must be a real date, like 1/11/2026");
            }
        }

        if (!string.IsNullOrWhiteSpace(Filter.To))
        {
            if (TypedTime.ParseDate(Filter.To) is { } to)
            {
                var end = UkTime.StartOfDay(to.AddDays(1));
                query = query.Where(a => a.StartsAt < end);
            }
            else
            {
                errors.Add("The last date must be a real date, like 30/11/2026");
            }
        }

        FilterErrors = errors;
        if (FormValues.Choice<AppointmentType>(Filter.Type) is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (Filter.Outcome == "none")
        {
            query = query.Where(a => a.Outcome == null);
        }
        else if (FormValues.Choice<AppointmentOutcome>(Filter.Outcome) is { } outcome)
        {
            query = query.Where(a => a.Outcome == outcome);
        }

        Total = await query.CountAsync(ct);
        var pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Filter.Page = Math.Clamp(Filter.Page, 1, pages);
        var appointments = await query.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id)
            .Skip((Filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var staffIds = appointments.Select(a => a.StaffMemberId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var places = await ContactPlaces.NamesAsync(db, appointments, ct);
        Rows = [.. appointments.Select(a => new ContactLogRow(a, staff.GetValueOrDefault(a.StaffMemberId) ?? "", places.GetValueOrDefault(a.Id)))];
        var query2 = Filter.Query();
        Pagination = new PaginationModel(Filter.Page, PageSize, Total, $"/people/{person.Crn}/contacts?{(query2.Length == 0 ? "" : query2 + "&")}");

        // Every view of a record is on the audit trail (PRACTICE.md section 7 line 9).
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Appointments, ct);
        return Page();
    }
}

/// <summary>Names of the places appointments are held, "Location, Room", in one pair of queries for a page of them.</summary>
public static class ContactPlaces
{
    public static async Task<IReadOnlyDictionary<int, string>> NamesAsync(OpenProbationDbContext db, IReadOnlyCollection<Appointment> appointments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointments);
        var locationIds = appointments.Where(a => a.LocationId != null).Select(a => a.LocationId!.Value).Distinct().ToList();
        var roomIds = appointments.Where(a => a.RoomId != null).Select(a => a.RoomId!.Value).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var names = new Dictionary<int, string>();
        foreach (var a in appointments)
        {
            var location = a.LocationId is { } l ? locations.GetValueOrDefault(l) : null;
            var room = a.RoomId is { } r ? rooms.GetValueOrDefault(r) : null;
            if (location is not null || room is not null)
            {
                names[a.Id] = string.Join(", ", new[] { location, room }.Where(n => n is not null));
            }
        }

        return names;
    }
}
