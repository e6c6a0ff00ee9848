using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Letters;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.Orders;

namespace OpenProbation.Web.Features.Letters;

/// <summary>
/// Letters on the record: made from the domain's templates when their event happens (a warning or breach decision)
/// or when asked for (an appointment), one per event whoever triggers it, since the event key is unique in the
/// database; then kept as written, with the day sent and how.
/// </summary>
public static class LetterRecord
{
    /// <summary>The letters configuration section.</summary>
    public const string Section = "OpenProbation:Letters";

    private static readonly string[] Keys = [nameof(LetterTemplateSettings.ServiceName), nameof(LetterTemplateSettings.SignOff), nameof(LetterTemplateSettings.ExcuseHow)];

    /// <summary>Reads <c>OpenProbation:Letters</c>; throws naming the key when it is wrong, so the app does not start on it.</summary>
    public static LetterTemplateSettings ReadSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        foreach (var unknown in section.GetChildren().Where(c => !Keys.Contains(c.Key, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException($"{Section}:{unknown.Key} is not a setting; use {string.Join(", ", Keys)}.");
        }

        var defaults = new LetterTemplateSettings();
        var settings = new LetterTemplateSettings
        {
            ServiceName = section[nameof(LetterTemplateSettings.ServiceName)] ?? defaults.ServiceName,
            SignOff = section[nameof(LetterTemplateSettings.SignOff)] ?? defaults.SignOff,
            ExcuseHow = section[nameof(LetterTemplateSettings.ExcuseHow)] ?? defaults.ExcuseHow,
        };
        var errors = settings.Validate();
        return errors.IsValid ? settings : throw new InvalidOperationException(string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)) + ".");
    }

    /// <summary>The letters of the people <paramref name="user"/> may see, untracked.</summary>
    public static IQueryable<Letter> Visible(OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.VisiblePeople(user).Select(p => p.Id);
        return db.Letters.AsNoTracking().Where(l => people.Contains(l.PersonId));
    }

    /// <summary>
    /// Adds (unsaved) the letter a decision calls for: a warning letter for a warning, a breach letter for breach or
    /// recall; nothing for no further action. Saved with the decision, so the decision and its letter stand or fall together.
    /// </summary>
    public static async Task<Letter?> ForDecisionAsync(
        OpenProbationDbContext db, LetterTemplateSettings settings, EnforcementSettings enforcement, FailureToComply failure, string who, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Decision is not ({ } decision and not EnforcementDecision.NoFurtherAction))
        {
            return null;
        }

        var today = UkTime.DateOf(now);
        var (name, address) = await AddresseeAsync(db, failure.PersonId, today, ct);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == failure.OrderId, ct);
        var officer = (await ResponsibleOfficers.ForOrdersAsync(db, [order.Id], ct)).GetValueOrDefault(order.Id)?.Name ?? who;
        var orderWords = Wording.Order(order.Type).ToLowerInvariant();
        var licence = order.Type == OrderType.Licence;
        Letter letter;
        if (decision == EnforcementDecision.Warning)
        {
            letter = LetterTemplates.Warning(
                new WarningLetterFacts(failure.PersonId, order.Id, failure.Id, failure.AppointmentId, name, address, failure.FailureDate,
                    LetterTemplates.FailureWords(failure.Outcome, await db.Appointments.AsNoTracking().Where(a => a.Id == failure.AppointmentId).Select(a => a.Type).SingleAsync(ct)),
                    orderWords, failure.DecidedOn ?? today, failure.ExcuseDueOn ?? today, officer,
                    enforcement.WarningWindowMonths, licence),
                settings, today, who, now.ToUniversalTime());
        }
        else
        {
            // The failures the action rests on: the warnings still standing, and this one.
            var earlier = await db.FailuresToComply.AsNoTracking()
                .Where(f => f.OrderId == order.Id && f.Id != failure.Id && f.Status == EnforcementStatus.Warned && f.FailureDate <= failure.FailureDate)
                .OrderBy(f => f.FailureDate).ToListAsync(ct);
            var all = earlier.Append(failure).ToList();
            var appointmentIds = all.Select(f => f.AppointmentId).ToList();
            var types = await db.Appointments.AsNoTracking().Where(a => appointmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
            List<(DateOnly, string)> failures = [.. all.Select(f => (f.FailureDate, LetterTemplates.FailureWords(f.Outcome, types[f.AppointmentId])))];

            letter = LetterTemplates.Breach(
                new BreachLetterFacts(failure.PersonId, order.Id, failure.Id, failure.AppointmentId, name, address, orderWords, failures, licence, officer),
                settings, today, who, now.ToUniversalTime());
        }

        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>
    /// The appointment's letter: made and saved the first time it is asked for, the same letter every time after,
    /// including when two users ask at the same moment. Returns the letter and whether this call made it.
    /// </summary>
    public static async Task<(Letter Letter, bool Created)> ForAppointmentAsync(
        OpenProbationDbContext db, LetterTemplateSettings settings, Appointment appointment, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        var key = LetterEvents.Appointment(appointment.Id);
        if (await db.Letters.SingleOrDefaultAsync(l => l.EventKey == key, ct) is { } existing)
        {
            return (existing, false);
        }

        var today = UkTime.DateOf(now);
        var (name, address) = await AddresseeAsync(db, appointment.PersonId, today, ct);
        var officer = await db.Staff.AsNoTracking().Where(s => s.Id == appointment.StaffMemberId).Select(s => s.FirstName + " " + s.LastName).SingleAsync(ct);
        var location = appointment.LocationId is { } locationId ? await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == locationId, ct) : null;
        var place = location is null
            ? appointment.Type == AppointmentType.HomeVisit ? "at your home" : appointment.Type is AppointmentType.Telephone ? "by telephone" : "as your probation officer arranges with you"
            : string.IsNullOrWhiteSpace(location.Address) ? location.Name : $"{location.Name}, {location.Address}";
        var type = AppointmentTypes.Describe(appointment.Type);
        var what = ("aeiou".Contains(type[0], StringComparison.OrdinalIgnoreCase) ? "an " : "a ") + type;
        var letter = LetterTemplates.Appointment(
            new AppointmentLetterFacts(appointment.PersonId, appointment.OrderId, appointment.Id, name, address, appointment.StartsAt, place, what, officer,
                location?.Name, appointment.IsEnforceable),
            settings, ContactPolicies.Zone, today, who, now.ToUniversalTime());
        db.Letters.Add(letter);
        try
        {
            await db.SaveChangesAsync(ct);
            return (letter, true);
        }
        catch (DbUpdateException)
        {
            db.Entry(letter).State = EntityState.Detached;
            if (await db.Letters.SingleOrDefaultAsync(l => l.EventKey == key, ct) is { } theirs)
            {
                // Someone else asked at the same moment: theirs is the letter.
                return (theirs, false);
            }

            throw;
        }
    }

    /// <summary>Records the day sent and how, at <paramref name="expectedVersion"/> (a different version: no result, no errors).</summary>
    public static async Task<(Letter? Sent, ValidationErrors Errors)> RecordSentAsync(
        OpenProbationDbContext db, Letter letter, int expectedVersion, DateOnly? sentOn, LetterDelivery? how, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        var errors = letter.RecordSent(sentOn, how, who, now.ToUniversalTime(), UkTime.DateOf(now));
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(ct);
        return (letter, errors);
    }

    /// <summary>How a letter was sent, in words.</summary>
    public static string How(LetterDelivery how) => how switch
    {
        LetterDelivery.Post => "By post",
        LetterDelivery.HandedToPerson => "Handed to the person",
        LetterDelivery.Email => "By email",
        _ => how.ToString(),
    };

    /// <summary>A letter's kind, in words.</summary>
    public static string Kind(LetterKind kind) => kind switch
    {
        LetterKind.Appointment => "Appointment letter",
        LetterKind.Warning => "Warning letter",
        LetterKind.Breach => "Breach letter",
        _ => kind.ToString(),
    };

    private static async Task<(string Name, List<string> Address)> AddresseeAsync(OpenProbationDbContext db, int personId, DateOnly today, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, ct);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.StartDate).ToListAsync(ct);
        var current = addresses.FirstOrDefault(a => a.IsCurrentOn(today));
        List<string> lines = current is null ? [] : [.. new[] { current.Line1, current.Line2, current.Town, current.County, current.Postcode }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!)];
        return ($"{person.FirstName} {person.LastName}", lines);
    }
}
