namespace OpenProbation.Web;

/// <summary>Dates in England and Wales: "today" is the date in Europe/London, whatever the server's zone.</summary>
public static class UkTime
{
    /// <summary>Europe/London, the zone appointments are arranged and dated in.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Domain.Contacts.AppointmentRules.TimeZoneId);

    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }

    /// <summary>The instant (UTC) a London date begins: midnight local time, whichever offset is in force that day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        Domain.Contacts.AppointmentRules.FromLocal(date.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>The London date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
