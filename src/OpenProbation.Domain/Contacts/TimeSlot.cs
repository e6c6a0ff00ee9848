namespace OpenProbation.Domain.Contacts;

/// <summary>
/// A span of time a room is taken. The start is inclusive and the end exclusive, so back-to-back bookings (one ending at
/// 10:00, the next starting at 10:00) do not overlap.
/// </summary>
/// <param name="Start">The first instant.</param>
/// <param name="End">The instant it is free again; after <paramref name="Start"/>.</param>
public readonly record struct TimeSlot(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>True when the two share any instant.</summary>
    public bool Overlaps(TimeSlot other) => Start < other.End && other.Start < End;
}

/// <summary>
/// An appointment reduced to what contact compliance needs: the day it was on (in local time), its kind and its outcome
/// (empty while none is recorded).
/// </summary>
/// <param name="Date">The local date of the appointment.</param>
/// <param name="Type">Its kind.</param>
/// <param name="Outcome">Its outcome, if recorded.</param>
public readonly record struct ContactRecord(DateOnly Date, AppointmentType Type, AppointmentOutcome? Outcome)
{
    /// <summary>True when the person was seen (<see cref="AppointmentOutcomes.IsHeld"/>).</summary>
    public bool IsHeld => Outcome is { } outcome && AppointmentOutcomes.IsHeld(outcome);
}
