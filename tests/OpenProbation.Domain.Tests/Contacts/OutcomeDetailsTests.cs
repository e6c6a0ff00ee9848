using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Recording what happened at an appointment (OutcomeDetails.Validate doc comment; PRACTICE.md section 5: a clear record
/// for enforcement, and evidence for an acceptable absence travels with the record).
/// </summary>
public class OutcomeDetailsTests
{
    private static readonly DateTimeOffset _start = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _after = _start.AddHours(2);
    private static readonly DateTimeOffset _before = _start.AddDays(-1);
    private static readonly OutcomeDetails _complied = new(AppointmentOutcome.AttendedComplied, null, null, null, null);

    [Fact]
    public void Attended_and_complied_after_the_start_is_valid_with_nothing_else() =>
        ErrorAssert.Valid(_complied.Validate(Interview(), _after));

    [Fact]
    public void An_outcome_must_be_chosen_from_the_named_ones()
    {
        Assert.Equal("Select an outcome", ErrorAssert.Single((_complied with { Outcome = null }).Validate(Interview(), _after), "outcome"));
        Assert.Equal(
            "Select a valid outcome",
            ErrorAssert.Single((_complied with { Outcome = (AppointmentOutcome)8 }).Validate(Interview(), _after), "outcome"));
    }

    [Theory]
    [InlineData(AppointmentOutcome.AttendedComplied, false)]
    [InlineData(AppointmentOutcome.AttendedFailedToComply, false)]
    [InlineData(AppointmentOutcome.SentHome, false)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence, false)]
    [InlineData(AppointmentOutcome.FailedToAttend, false)]
    [InlineData(AppointmentOutcome.AcceptableAbsence, true)]
    [InlineData(AppointmentOutcome.Rescheduled, true)]
    public void Before_the_start_only_rescheduling_or_an_absence_notified_in_advance_can_be_recorded(AppointmentOutcome outcome, bool allowed)
    {
        var details = Complete(outcome);

        var before = details.Validate(Interview(), _before);

        ErrorAssert.Valid(details.Validate(Interview(), outcome == AppointmentOutcome.Rescheduled ? _before : _after));
        if (allowed)
        {
            ErrorAssert.Valid(before);
        }
        else
        {
            Assert.Equal(
                "The appointment has not started yet: it can only be rescheduled or recorded as an acceptable absence",
                ErrorAssert.Single(before, "outcome"));
        }
    }

    [Fact]
    public void An_acceptable_absence_needs_the_reason_and_the_evidence_seen_and_where_it_is_held()
    {
        var errors = new OutcomeDetails(AppointmentOutcome.AcceptableAbsence, null, " ", null, null).Validate(Interview(), _after);

        ErrorAssert.Fields(errors, "absenceReason", "absenceEvidence");
        Assert.Equal(["Enter the reason for the absence"], ErrorAssert.Messages(errors, "absenceReason"));
        Assert.Equal(["Enter the evidence seen and where it is held"], ErrorAssert.Messages(errors, "absenceEvidence"));
    }

    [Theory]
    [InlineData(AppointmentOutcome.AttendedComplied)]
    [InlineData(AppointmentOutcome.Rescheduled)]
    public void A_reason_and_evidence_for_absence_are_refused_when_the_person_was_not_absent(AppointmentOutcome outcome)
    {
        var details = Complete(outcome) with { AbsenceReason = "Ill", AbsenceEvidence = "Fit note" };

        var errors = details.Validate(Interview(), _before.AddHours(outcome == AppointmentOutcome.Rescheduled ? 0 : 48));

        ErrorAssert.Fields(errors, "absenceReason", "absenceEvidence");
    }

    [Fact]
    public void An_unacceptable_absence_may_record_the_reason_given()
    {
        var details = new OutcomeDetails(AppointmentOutcome.UnacceptableAbsence, "No contact", "Overslept", null, null);

        ErrorAssert.Valid(details.Validate(Interview(), _after));
    }

    [Theory]
    [InlineData(AppointmentOutcome.AttendedFailedToComply)]
    [InlineData(AppointmentOutcome.SentHome)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence)]
    public void Outcomes_an_enforcement_decision_may_rest_on_need_notes_of_what_happened(AppointmentOutcome outcome) =>
        Assert.Equal("Enter what happened", ErrorAssert.Single(new OutcomeDetails(outcome, "  ", null, null, null).Validate(Interview(), _after), "notes"));

    [Theory]
    [InlineData(AppointmentType.Telephone, "Only someone who came to an appointment can be sent home, not from a telephone contact")]
    [InlineData(AppointmentType.Video, "Only someone who came to an appointment can be sent home, not from a video call")]
    [InlineData(AppointmentType.HomeVisit, "Only someone who came to an appointment can be sent home, not from a home visit")]
    public void Nobody_is_sent_home_from_a_call_or_a_home_visit(AppointmentType type, string message)
    {
        var appointment = Interview();
        appointment.Type = type;

        Assert.Equal(message, ErrorAssert.Single(Complete(AppointmentOutcome.SentHome).Validate(appointment, _after), "outcome"));
    }

    [Theory]
    [InlineData(null, "Enter the new date and time")]
    [InlineData(-60, "The new time must be in the future")]
    [InlineData(0, "The new time must be in the future")]
    [InlineData(1440, "The new time must be different from the old one")]
    [InlineData(1500, null)]
    [InlineData(1_100_000, "An appointment can be arranged at most 2 years ahead")]
    public void A_rescheduled_appointment_needs_a_new_time_in_the_future(int? minutesAfterNow, string? message)
    {
        var details = new OutcomeDetails(AppointmentOutcome.Rescheduled, null, null, null, minutesAfterNow is { } m ? _before.AddMinutes(m) : null);

        var errors = details.Validate(Interview(), _before);

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "rescheduledTo"));
        }
    }

    [Fact]
    public void A_new_time_is_refused_for_any_other_outcome() =>
        Assert.Equal(
            "A new time applies only when the appointment is rescheduled",
            ErrorAssert.Single((_complied with { RescheduledTo = _after.AddDays(1) }).Validate(Interview(), _after), "rescheduledTo"));

    [Fact]
    public void An_outcome_can_be_corrected_but_not_on_an_appointment_already_rescheduled()
    {
        var appointment = Interview();
        appointment.Outcome = AppointmentOutcome.FailedToAttend;
        ErrorAssert.Valid(Complete(AppointmentOutcome.AcceptableAbsence).Validate(appointment, _after));

        appointment.Outcome = AppointmentOutcome.Rescheduled;
        Assert.Equal(
            "This appointment was rescheduled: record the outcome on the new appointment",
            ErrorAssert.Single(_complied.Validate(appointment, _after), "outcome"));
    }

    [Fact]
    public void Recording_an_acceptable_absence_keeps_the_reason_and_evidence_with_who_recorded_it_and_when()
    {
        var appointment = Interview();

        var replacement = appointment.RecordOutcome(
            new OutcomeDetails(AppointmentOutcome.AcceptableAbsence, " ", " In hospital ", " Discharge letter seen; copy on file at Birmingham Centre ", null),
            "j.smith",
            _after);

        Assert.Null(replacement);
        Assert.Equal(AppointmentOutcome.AcceptableAbsence, appointment.Outcome);
        Assert.Equal("In hospital", appointment.AbsenceReason);
        Assert.Equal("Discharge letter seen; copy on file at Birmingham Centre", appointment.AbsenceEvidence);
        Assert.Null(appointment.OutcomeNotes);
        Assert.Equal(("j.smith", (DateTimeOffset?)_after), (appointment.OutcomeRecordedBy, appointment.OutcomeRecordedAt));
        Assert.False(appointment.IsHeld);
    }

    [Fact]
    public void Correcting_an_absence_to_attended_drops_the_absence_reason_and_evidence()
    {
        var appointment = Interview();
        appointment.RecordOutcome(Complete(AppointmentOutcome.AcceptableAbsence), "j.smith", _after);

        appointment.RecordOutcome(_complied, "a.khan", _after.AddHours(1));

        Assert.Equal(AppointmentOutcome.AttendedComplied, appointment.Outcome);
        Assert.Null(appointment.AbsenceReason);
        Assert.Null(appointment.AbsenceEvidence);
        Assert.Equal("a.khan", appointment.OutcomeRecordedBy);
        Assert.True(appointment.IsHeld);
    }

    [Fact]
    public void Rescheduling_gives_a_replacement_at_the_new_time_that_points_back_at_the_original()
    {
        var appointment = Interview();
        appointment.Id = 31;
        appointment.SeriesId = Guid.NewGuid();
        var newTime = new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero);

        var replacement = appointment.RecordOutcome(
            new OutcomeDetails(AppointmentOutcome.Rescheduled, "Clash with a court date", null, null, newTime), "j.smith", _before);

        Assert.NotNull(replacement);
        Assert.Equal(AppointmentOutcome.Rescheduled, appointment.Outcome);
        Assert.Equal((31, newTime, appointment.SeriesId), (replacement.RescheduledFromId, replacement.StartsAt, replacement.SeriesId));
        Assert.Equal((appointment.PersonId, appointment.Type, appointment.RoomId, appointment.DurationMinutes),
            (replacement.PersonId, replacement.Type, replacement.RoomId, replacement.DurationMinutes));
        Assert.Equal(("j.smith", _before), (replacement.ArrangedBy, replacement.ArrangedAt));
        Assert.Null(replacement.Outcome);
    }

    [Theory]
    [InlineData(AppointmentOutcome.AttendedFailedToComply, true, true)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence, true, true)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence, false, false)]
    [InlineData(AppointmentOutcome.FailedToAttend, true, false)]
    [InlineData(AppointmentOutcome.AcceptableAbsence, true, false)]
    public void A_failure_to_comply_at_an_enforceable_appointment_opens_an_enforcement_decision(
        AppointmentOutcome outcome, bool enforceable, bool failure)
    {
        var appointment = Interview();
        appointment.IsEnforceable = enforceable;
        appointment.RecordOutcome(Complete(outcome), "j.smith", _after);

        Assert.Equal(failure, appointment.IsFailureToComply);
    }

    [Theory]
    [InlineData("2026-06-30T22:30:00Z", "2026-06-30")]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    public void A_contact_is_dated_by_its_London_local_date(string startsAt, string date)
    {
        var appointment = Interview();
        appointment.StartsAt = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);
        appointment.Outcome = AppointmentOutcome.AttendedComplied;

        var record = appointment.ToContactRecord(London.Zone);

        Assert.Equal(new ContactRecord(TestDates.D(date), AppointmentType.OfficeInterview, AppointmentOutcome.AttendedComplied), record);
        Assert.True(record.IsHeld);
    }

    private static Appointment Interview()
    {
        var appointment = new Appointment { Id = 1, PersonId = 42, ArrangedBy = "j.smith", ArrangedAt = _before };
        appointment.Apply(AppointmentDetailsTests.Interview with { StartsAt = _start });
        return appointment;
    }

    private static OutcomeDetails Complete(AppointmentOutcome outcome) => outcome switch
    {
        AppointmentOutcome.AcceptableAbsence => new(outcome, null, "Ill", "GP fit note seen, copy on file", null),
        AppointmentOutcome.Rescheduled => new(outcome, null, null, null, _start.AddDays(2)),
        _ when AppointmentOutcomes.NeedsNotes(outcome) => new(outcome, "What happened", null, null, null),
        _ => new(outcome, null, null, null, null),
    };
}
