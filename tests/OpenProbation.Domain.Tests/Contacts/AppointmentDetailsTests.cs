using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Arranging an appointment (AppointmentDetails.Validate doc comment): a future start, a room only where one is used,
/// RAR days only for RAR activity (PRACTICE.md section 2), repetition within bounds.
/// </summary>
public class AppointmentDetailsTests
{
    private static readonly DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _start = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    internal static readonly AppointmentDetails Interview = new(
        AppointmentType.OfficeInterview, _start, 60, StaffMemberId: 7, OrderId: 3, LocationId: 1, RoomId: 2, GroupSessionId: null,
        RequirementId: null, IsEnforceable: null, CountsTowardsRar: null, Notes: null, RepeatEveryDays: null, Occurrences: null);

    private static readonly AppointmentDetails _call = Interview with { Type = AppointmentType.Telephone, LocationId = null, RoomId = null };

    [Fact]
    public void An_office_interview_in_a_room_tomorrow_is_valid() => ErrorAssert.Valid(Interview.Validate(_now));

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_field_names_a_client_sends() =>
        ErrorAssert.Fields(
            new AppointmentDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null).Validate(_now),
            "type", "startsAt", "durationMinutes", "staffMemberId");

    [Fact]
    public void Only_a_RAR_activity_names_a_need_in_the_plan_and_the_need_must_be_a_named_one()
    {
        Assert.Equal("Only a RAR activity is linked to a need in the sentence plan: leave the need empty",
            ErrorAssert.Single((Interview with { PlanNeed = NeedArea.Accommodation }).Validate(_now), "planNeed"));
        var rar = Interview with { Type = AppointmentType.RarSession, RequirementId = 4 };
        ErrorAssert.Valid((rar with { PlanNeed = NeedArea.Accommodation }).Validate(_now));
        Assert.Equal("Select a valid need", ErrorAssert.Single((rar with { PlanNeed = (NeedArea)99 }).Validate(_now), "planNeed"));

        var arranged = Appointment.Arrange(1, rar with { PlanNeed = NeedArea.DrugMisuse }, TimeZoneInfo.Utc, Guid.Empty, "po", _now)[0];
        Assert.Equal(NeedArea.DrugMisuse, arranged.PlanNeed);
        Assert.Equal(NeedArea.DrugMisuse, arranged.ToDetails().PlanNeed);
    }

    [Fact]
    public void The_type_must_be_a_named_one() =>
        Assert.Equal("Select a valid type of appointment", ErrorAssert.Single((Interview with { Type = (AppointmentType)11 }).Validate(_now), "type"));

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(480, true)]
    [InlineData(481, false)]
    [InlineData(0, false)]
    public void An_appointment_lasts_from_5_minutes_to_8_hours(int minutes, bool valid)
    {
        var errors = (Interview with { DurationMinutes = minutes }).Validate(_now);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("The appointment must last between 5 minutes and 8 hours", ErrorAssert.Single(errors, "durationMinutes"));
        }
    }

    [Theory]
    [InlineData(-1440, false, false)]
    [InlineData(0, false, false)]
    [InlineData(1, false, true)]
    [InlineData(-1440, true, true)]
    [InlineData(0, true, true)]
    public void Arranging_needs_a_future_start_and_recording_a_contact_that_happened_allows_a_past_one(int minutesFromNow, bool allowPast, bool valid)
    {
        var errors = (_call with { StartsAt = _now.AddMinutes(minutesFromNow) }).Validate(_now, allowPast);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(
                "The appointment must be in the future: record a contact that has happened with its outcome",
                ErrorAssert.Single(errors, "startsAt"));
        }
    }

    [Fact]
    public void An_appointment_can_be_arranged_up_to_two_years_ahead_and_not_further()
    {
        ErrorAssert.Valid((_call with { StartsAt = _now.AddYears(2) }).Validate(_now));
        Assert.Equal(
            "An appointment can be arranged at most 2 years ahead",
            ErrorAssert.Single((_call with { StartsAt = _now.AddYears(2).AddMinutes(1) }).Validate(_now), "startsAt"));
    }

    [Theory]
    [InlineData(AppointmentType.OfficeInterview)]
    [InlineData(AppointmentType.GroupInduction)]
    [InlineData(AppointmentType.GroupSession)]
    [InlineData(AppointmentType.ProgrammeSession)]
    public void Office_interviews_and_groups_need_a_location_and_a_room(AppointmentType type)
    {
        var errors = (Interview with { Type = type, LocationId = null, RoomId = null, GroupSessionId = AppointmentTypes.IsGroup(type) ? 5 : null })
            .Validate(_now);

        ErrorAssert.Fields(errors, "locationId", "roomId");
        Assert.Equal(["Select a location"], ErrorAssert.Messages(errors, "locationId"));
        Assert.Equal(["Select a room"], ErrorAssert.Messages(errors, "roomId"));
    }

    [Theory]
    [InlineData(AppointmentType.Telephone, "A telephone contact takes no room: leave the room empty")]
    [InlineData(AppointmentType.Video, "A video call takes no room: leave the room empty")]
    [InlineData(AppointmentType.HomeVisit, "A home visit takes no room: leave the room empty")]
    public void Calls_and_home_visits_take_no_room(AppointmentType type, string message) =>
        Assert.Equal(message, ErrorAssert.Single((Interview with { Type = type }).Validate(_now), "roomId"));

    [Theory]
    [InlineData(AppointmentType.Telephone)]
    [InlineData(AppointmentType.HomeVisit)]
    [InlineData(AppointmentType.UnpaidWork)]
    [InlineData(AppointmentType.OtherAgency)]
    public void Kinds_that_use_no_office_room_are_valid_without_one(AppointmentType type) =>
        ErrorAssert.Valid((Interview with { Type = type, LocationId = null, RoomId = null }).Validate(_now));

    [Fact]
    public void A_room_needs_its_location() =>
        Assert.Equal(
            "Select the location of the room",
            ErrorAssert.Single((Interview with { Type = AppointmentType.UnpaidWork, LocationId = null }).Validate(_now), "locationId"));

    [Fact]
    public void A_group_appointment_needs_its_session_and_no_other_kind_has_one()
    {
        Assert.Equal(
            "Select the group session",
            ErrorAssert.Single((Interview with { Type = AppointmentType.GroupInduction }).Validate(_now), "groupSessionId"));
        ErrorAssert.Valid((Interview with { Type = AppointmentType.GroupInduction, GroupSessionId = 4 }).Validate(_now));
        Assert.Equal(
            "An office interview is not part of a group session",
            ErrorAssert.Single((Interview with { GroupSessionId = 4 }).Validate(_now), "groupSessionId"));
    }

    // "Offender-management appointments (motivation, compliance, enforcement, public protection) are not RAR days" (PRACTICE.md section 2).
    [Theory]
    [InlineData(AppointmentType.OfficeInterview, "An office interview cannot count towards a RAR: offender-management appointments are not RAR days")]
    [InlineData(AppointmentType.Telephone, "A telephone contact cannot count towards a RAR: offender-management appointments are not RAR days")]
    [InlineData(AppointmentType.UnpaidWork, "An unpaid work session cannot count towards a RAR: it is a requirement of its own")]
    public void Only_RAR_activity_counts_towards_a_RAR(AppointmentType type, string message)
    {
        var details = _call with { Type = type, LocationId = 1, RoomId = type == AppointmentType.Telephone ? null : 2, CountsTowardsRar = true, RequirementId = 9 };

        Assert.Equal(message, ErrorAssert.Single(details.Validate(_now), "countsTowardsRar"));
    }

    [Fact]
    public void A_RAR_session_counts_towards_a_RAR_by_default_and_so_needs_its_requirement()
    {
        var session = _call with { Type = AppointmentType.RarSession };

        Assert.Equal("Select the RAR requirement the session counts towards", ErrorAssert.Single(session.Validate(_now), "requirementId"));
        ErrorAssert.Valid((session with { RequirementId = 9 }).Validate(_now));
        ErrorAssert.Valid((session with { CountsTowardsRar = false }).Validate(_now));
        ErrorAssert.Valid((session with { Type = AppointmentType.OtherAgency, CountsTowardsRar = true, RequirementId = 9 }).Validate(_now));
    }

    [Theory]
    [InlineData(7, 2, null, null)]
    [InlineData(7, 52, null, null)]
    [InlineData(1, 10, null, null)]
    [InlineData(56, 13, null, null)]
    [InlineData(0, 4, "repeatEveryDays", "An appointment can repeat every 1 to 56 days")]
    [InlineData(57, 4, "repeatEveryDays", "An appointment can repeat every 1 to 56 days")]
    [InlineData(7, 1, "occurrences", "Arrange between 2 and 52 appointments")]
    [InlineData(7, 53, "occurrences", "Arrange between 2 and 52 appointments")]
    [InlineData(7, null, "occurrences", "Enter how many appointments to arrange")]
    [InlineData(null, 4, "repeatEveryDays", "Enter how often the appointment repeats")]
    [InlineData(28, 52, "occurrences", "The last appointment would be more than 2 years ahead: arrange fewer")]
    public void A_series_repeats_every_1_to_56_days_for_2_to_52_appointments_within_two_years(
        int? every, int? occurrences, string? field, string? message)
    {
        var errors = (_call with { RepeatEveryDays = every, Occurrences = occurrences }).Validate(_now);

        if (field is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, field));
        }
    }

    [Fact]
    public void A_contact_recorded_after_it_happened_and_a_group_appointment_cannot_repeat()
    {
        Assert.Equal(
            "A contact that has happened is recorded once: it cannot repeat",
            ErrorAssert.Single((_call with { RepeatEveryDays = 7, Occurrences = 4 }).Validate(_now, allowPast: true), "repeatEveryDays"));
        Assert.Equal(
            "A group appointment follows its session: book each session separately",
            ErrorAssert.Single(
                (Interview with { Type = AppointmentType.GroupSession, GroupSessionId = 4, RepeatEveryDays = 7, Occurrences = 4 }).Validate(_now),
                "repeatEveryDays"));
    }

    [Fact]
    public void Notes_may_be_2000_characters_but_not_2001()
    {
        ErrorAssert.Valid((Interview with { Notes = new string('n', 2000) }).Validate(_now));
        ErrorAssert.Single((Interview with { Notes = new string('n', 2001) }).Validate(_now), "notes");
    }

    [Theory]
    [InlineData(AppointmentType.OfficeInterview, true, false)]
    [InlineData(AppointmentType.RarSession, true, true)]
    [InlineData(AppointmentType.OtherAgency, false, false)]
    public void Applying_takes_the_kind_s_defaults_for_enforcement_and_RAR_unless_given(AppointmentType type, bool enforceable, bool rar)
    {
        var appointment = new Appointment();

        appointment.Apply(Interview with { Type = type, Notes = "  Bring ID  " });

        Assert.Equal((enforceable, rar), (appointment.IsEnforceable, appointment.CountsTowardsRar));
        Assert.Equal("Bring ID", appointment.Notes);

        appointment.Apply(Interview with { Type = type, IsEnforceable = !enforceable, CountsTowardsRar = !rar, Notes = " " });

        Assert.Equal((!enforceable, !rar), (appointment.IsEnforceable, appointment.CountsTowardsRar));
        Assert.Null(appointment.Notes);
    }

    [Fact]
    public void Applying_stores_the_start_in_UTC_and_copies_the_rest()
    {
        var appointment = new Appointment();

        appointment.Apply(Interview with { StartsAt = new DateTimeOffset(2026, 7, 1, 11, 0, 0, TimeSpan.FromHours(1)) });

        Assert.Equal(TimeSpan.Zero, appointment.StartsAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), appointment.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 11, 0, 0, TimeSpan.Zero), appointment.EndsAt);
        Assert.Equal((7, 3, 1, 2), (appointment.StaffMemberId, appointment.OrderId, appointment.LocationId, appointment.RoomId));
        Assert.Equal(Interview with { StartsAt = appointment.StartsAt, IsEnforceable = true, CountsTowardsRar = false }, appointment.ToDetails());
    }

    [Fact]
    public void Arranging_a_single_appointment_gives_one_with_no_series()
    {
        var arranged = Appointment.Arrange(42, Interview, London.Zone, Guid.NewGuid(), "j.smith", _now);

        var appointment = Assert.Single(arranged);
        Assert.Equal((42, _start, "j.smith", _now), (appointment.PersonId, appointment.StartsAt, appointment.ArrangedBy, appointment.ArrangedAt));
        Assert.Null(appointment.SeriesId);
    }

    [Fact]
    public void Arranging_a_series_gives_one_appointment_per_occurrence_sharing_the_series_id()
    {
        var series = Guid.NewGuid();

        var arranged = Appointment.Arrange(42, Interview with { RepeatEveryDays = 14, Occurrences = 3 }, London.Zone, series, "j.smith", _now);

        // 10:00 in London each time: GMT in early March, BST (09:00 UTC) after the clocks go forward on 29 March.
        Assert.Equal([_start, _start.AddDays(14), _start.AddDays(28).AddHours(-1)], arranged.Select(a => a.StartsAt));
        Assert.All(arranged, a => Assert.Equal(series, a.SeriesId));
        Assert.All(arranged, a => Assert.Equal(42, a.PersonId));
    }
}

/// <summary>The Europe/London zone the product arranges appointments in.</summary>
internal static class London
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(AppointmentRules.TimeZoneId);
}
