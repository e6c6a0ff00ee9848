using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Contacts;

/// <summary>What a client sends to record what happened at an appointment.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Notes">What happened, in words; required where an enforcement decision may rest on it (<see cref="AppointmentOutcomes.NeedsNotes"/>).</param>
/// <param name="AbsenceReason">For an absence, the reason given; required for an acceptable absence.</param>
/// <param name="AbsenceEvidence">For an absence, the evidence seen and where it is held; required for an acceptable absence.</param>
/// <param name="RescheduledTo">For a rescheduled appointment, the new start; in the future.</param>
public sealed record OutcomeDetails(
    AppointmentOutcome? Outcome, string? Notes, string? AbsenceReason, string? AbsenceEvidence, DateTimeOffset? RescheduledTo)
{
    /// <summary>
    /// Checks the outcome for <paramref name="appointment"/> as at <paramref name="now"/>:
    /// <list type="bullet">
    /// <item>Before the appointment starts only <see cref="AppointmentOutcome.Rescheduled"/> and an
    /// <see cref="AppointmentOutcome.AcceptableAbsence"/> notified in advance can be recorded: nobody can have attended yet.</item>
    /// <item>An acceptable absence needs the reason and the evidence (PRACTICE.md section 5: evidence travels with the record);
    /// reason and evidence are refused for outcomes that are not absences, so they never sit unseen on an attended appointment.</item>
    /// <item>Failing to comply, being sent home and an unacceptable absence need notes of what happened, because an
    /// enforcement decision may rest on them (PRACTICE.md section 5).</item>
    /// <item>Only someone who came to an appointment can be sent home: not from a telephone or video call or a home visit.</item>
    /// <item>A rescheduled appointment needs a new start in the future, different from the old one.</item>
    /// <item>An outcome may be corrected (a failure to attend later becomes an acceptable or unacceptable absence), except on an
    /// appointment already rescheduled: its replacement carries on and the outcome belongs there.</item>
    /// </list>
    /// </summary>
    public ValidationErrors Validate(Appointment appointment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var errors = new ValidationErrors()
            .Defined("outcome", Outcome, "an outcome")
            .MaxLength("notes", Notes, FieldLimits.Note, "notes")
            .MaxLength("absenceReason", AbsenceReason, FieldLimits.Note, "the reason")
            .MaxLength("absenceEvidence", AbsenceEvidence, FieldLimits.Note, "the evidence");
        if (appointment.Outcome == AppointmentOutcome.Rescheduled)
        {
            errors.Add("outcome", "This appointment was rescheduled: record the outcome on the new appointment");
            return errors;
        }

        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            return errors;
        }

        if (appointment.StartsAt > now && !AppointmentOutcomes.MayBeRecordedInAdvance(outcome))
        {
            errors.Add("outcome", "The appointment has not started yet: it can only be rescheduled or recorded as an acceptable absence");
        }

        if (AppointmentOutcomes.NeedsReasonAndEvidence(outcome))
        {
            errors.Required("absenceReason", AbsenceReason, FieldLimits.Note, "the reason for the absence")
                .Required("absenceEvidence", AbsenceEvidence, FieldLimits.Note, "the evidence seen and where it is held");
        }
        else if (!AppointmentOutcomes.IsAbsence(outcome))
        {
            if (!string.IsNullOrWhiteSpace(AbsenceReason))
            {
                errors.Add("absenceReason", "A reason for absence applies only when the person did not attend");
            }

            if (!string.IsNullOrWhiteSpace(AbsenceEvidence))
            {
                errors.Add("absenceEvidence", "Evidence for an absence applies only when the person did not attend");
            }
        }

        if (AppointmentOutcomes.NeedsNotes(outcome) && string.IsNullOrWhiteSpace(Notes))
        {
            errors.Add("notes", "Enter what happened");
        }

        if (outcome == AppointmentOutcome.SentHome && AppointmentTypes.TakesNoRoom(appointment.Type))
        {
            errors.Add("outcome", $"Only someone who came to an appointment can be sent home, not from {Wording.Article(AppointmentTypes.Describe(appointment.Type))}");
        }

        if (outcome == AppointmentOutcome.Rescheduled)
        {
            if (RescheduledTo is not { } to)
            {
                errors.Add("rescheduledTo", "Enter the new date and time");
            }
            else if (to <= now)
            {
                errors.Add("rescheduledTo", "The new time must be in the future");
            }
            else if (to == appointment.StartsAt)
            {
                errors.Add("rescheduledTo", "The new time must be different from the old one");
            }
            else if (to > AppointmentDetails.LatestStart(now))
            {
                errors.Add("rescheduledTo", $"An appointment can be arranged at most {AppointmentDetails.MaxYearsAhead} years ahead");
            }
        }
        else if (RescheduledTo is not null)
        {
            errors.Add("rescheduledTo", "A new time applies only when the appointment is rescheduled");
        }

        return errors;
    }
}
