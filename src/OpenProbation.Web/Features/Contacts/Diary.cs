using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>One appointment in a diary.</summary>
public sealed record DiaryEntry(
    int AppointmentId, DateTimeOffset StartsAt, int DurationMinutes, AppointmentType Type, AppointmentOutcome? Outcome, string Crn, string PersonName, string? Place);

/// <summary>An officer's diary for a day or a Monday-start week, in London time.</summary>
/// <param name="OfficerName">Whose diary.</param>
/// <param name="Mine">True for the signed-in officer's own diary.</param>
/// <param name="Path">The page's path, for the previous and next links.</param>
/// <param name="Week">True for a week, false for a day.</param>
/// <param name="From">The first day shown.</param>
/// <param name="Days">The days shown: one, or Monday to Sunday.</param>
/// <param name="Entries">The appointments, soonest first.</param>
/// <param name="Now">The time now, to tell what is still to record.</param>
public sealed record DiaryView(
    string OfficerName, bool Mine, string Path, bool Week, DateOnly From, IReadOnlyList<DateOnly> Days, IReadOnlyList<DiaryEntry> Entries, DateTimeOffset Now)
{
    public string Link(DateOnly date, bool week) =>
        $"{Path}?date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&view={(week ? "week" : "day")}";

    public string Previous => Link(From.AddDays(Week ? -7 : -1), Week);

    public string Next => Link(From.AddDays(Week ? 7 : 1), Week);

    public IEnumerable<DiaryEntry> On(DateOnly day) => Entries.Where(e => UkTime.DateOf(e.StartsAt) == day);
}

/// <summary>
/// Loads a diary: the officer's appointments between two London dates, through the case-access query, so a restricted
/// case the reader may not see is not in it. One query for the appointments and one for the places.
/// </summary>
public static class DiaryQuery
{
    /// <summary>The Monday of the week <paramref name="date"/> is in.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static async Task<DiaryView> LoadAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, int staffMemberId, string officerName, bool mine, string path, string? date, string? view,
        TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var day = TypedTime.ParseDate(date) ?? clock.Today();
        var week = view == "week";
        var from = week ? Monday(day) : day;
        var days = Enumerable.Range(0, week ? 7 : 1).Select(from.AddDays).ToList();
        var start = UkTime.StartOfDay(from);
        var end = UkTime.StartOfDay(days[^1].AddDays(1));
        var appointments = await db.Appointments.AsNoTracking().WhereVisible(a => a.Person!, user)
            .Where(a => a.StaffMemberId == staffMemberId && a.StartsAt >= start && a.StartsAt < end)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new { Appointment = a, a.Person!.Crn, a.Person.FirstName, a.Person.LastName })
            .ToListAsync(ct);
        var places = await ContactPlaces.NamesAsync(db, [.. appointments.Select(a => a.Appointment)], ct);
        var entries = appointments.Select(a => new DiaryEntry(
            a.Appointment.Id, a.Appointment.StartsAt, a.Appointment.DurationMinutes, a.Appointment.Type, a.Appointment.Outcome, a.Crn,
            $"{a.LastName}, {a.FirstName}", places.GetValueOrDefault(a.Appointment.Id))).ToList();
        return new DiaryView(officerName, mine, path, week, from, days, entries, clock.GetUtcNow());
    }
}
