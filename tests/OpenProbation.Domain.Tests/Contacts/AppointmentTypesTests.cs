using OpenProbation.Domain.Contacts;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// What follows from an appointment's kind and outcome, every row of both tables (AppointmentTypes and
/// AppointmentOutcomes doc comments; PRACTICE.md section 2 for RAR days, section 3 for rooms and groups, section 5 for
/// enforcement and evidence).
/// </summary>
public class AppointmentTypesTests
{
    [Theory]
    [InlineData(AppointmentType.OfficeInterview, true, true, false, true, false, true, true, true, false, false)]
    [InlineData(AppointmentType.HomeVisit, true, false, false, false, true, false, true, true, false, false)]
    [InlineData(AppointmentType.Telephone, false, false, false, false, true, false, true, true, false, false)]
    [InlineData(AppointmentType.Video, false, false, false, false, true, false, true, true, false, false)]
    [InlineData(AppointmentType.GroupSession, true, false, true, true, false, true, true, true, false, false)]
    [InlineData(AppointmentType.GroupInduction, true, false, true, true, false, true, true, true, false, false)]
    [InlineData(AppointmentType.RarSession, true, false, false, false, false, false, false, true, true, true)]
    [InlineData(AppointmentType.UnpaidWork, true, false, false, false, false, false, false, true, false, false)]
    [InlineData(AppointmentType.ProgrammeSession, true, false, true, true, false, true, false, true, false, false)]
    [InlineData(AppointmentType.OtherAgency, true, false, false, false, false, false, false, false, false, true)]
    public void Each_kind_of_appointment_has_its_rules(
        AppointmentType type, bool faceToFace, bool oneToOne, bool group, bool needsRoom, bool takesNoRoom, bool officeBased,
        bool countsTowardsStandard, bool enforceable, bool countsTowardsRar, bool mayCountTowardsRar)
    {
        Assert.Equal(faceToFace, AppointmentTypes.IsFaceToFace(type));
        Assert.Equal(oneToOne, AppointmentTypes.IsOneToOne(type));
        Assert.Equal(group, AppointmentTypes.IsGroup(type));
        Assert.Equal(needsRoom, AppointmentTypes.NeedsRoom(type));
        Assert.Equal(takesNoRoom, AppointmentTypes.TakesNoRoom(type));
        Assert.Equal(officeBased, AppointmentTypes.IsOfficeBased(type));
        Assert.Equal(countsTowardsStandard, AppointmentTypes.CountsTowardsContactStandard(type));
        Assert.Equal(enforceable, AppointmentTypes.DefaultEnforceable(type));
        Assert.Equal(countsTowardsRar, AppointmentTypes.DefaultCountsTowardsRar(type));
        Assert.Equal(mayCountTowardsRar, AppointmentTypes.MayCountTowardsRar(type));
        Assert.False(needsRoom && takesNoRoom);
        Assert.NotEmpty(AppointmentTypes.Describe(type));
    }

    // "Offender-management appointments ... are not RAR days" (PRACTICE.md section 2).
    [Fact]
    public void No_contact_that_counts_towards_the_contact_standard_may_count_towards_a_RAR() =>
        Assert.All(Enum.GetValues<AppointmentType>(), t =>
            Assert.False(AppointmentTypes.CountsTowardsContactStandard(t) && AppointmentTypes.MayCountTowardsRar(t), t.ToString()));

    [Fact]
    public void An_unknown_kind_cannot_be_described() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentTypes.Describe((AppointmentType)0));

    [Theory]
    [InlineData(AppointmentOutcome.AttendedComplied, true, false, false, false, false, false, false)]
    [InlineData(AppointmentOutcome.AttendedFailedToComply, true, false, true, false, false, true, false)]
    [InlineData(AppointmentOutcome.SentHome, true, false, false, false, false, true, false)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence, false, true, true, false, false, true, false)]
    [InlineData(AppointmentOutcome.FailedToAttend, false, true, false, false, false, false, false)]
    [InlineData(AppointmentOutcome.AcceptableAbsence, false, true, false, false, true, false, true)]
    [InlineData(AppointmentOutcome.Rescheduled, false, false, false, false, false, false, true)]
    public void Each_outcome_has_its_rules(
        AppointmentOutcome outcome, bool held, bool absence, bool failureIfEnforceable, bool failureIfNot, bool needsEvidence,
        bool needsNotes, bool inAdvance)
    {
        Assert.Equal(held, AppointmentOutcomes.IsHeld(outcome));
        Assert.Equal(absence, AppointmentOutcomes.IsAbsence(outcome));
        Assert.Equal(failureIfEnforceable, AppointmentOutcomes.IsFailureToComply(outcome, isEnforceable: true));
        Assert.Equal(failureIfNot, AppointmentOutcomes.IsFailureToComply(outcome, isEnforceable: false));
        Assert.Equal(needsEvidence, AppointmentOutcomes.NeedsReasonAndEvidence(outcome));
        Assert.Equal(needsNotes, AppointmentOutcomes.NeedsNotes(outcome));
        Assert.Equal(inAdvance, AppointmentOutcomes.MayBeRecordedInAdvance(outcome));
        Assert.False(held && absence);
        Assert.NotEmpty(AppointmentOutcomes.Describe(outcome));
    }

    [Fact]
    public void An_unknown_outcome_cannot_be_described() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentOutcomes.Describe((AppointmentOutcome)0));
}
