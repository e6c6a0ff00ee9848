using OpenProbation.Domain.Tests.Common;
using OpenProbation.Domain.UnpaidWork;

namespace OpenProbation.Domain.Tests.UnpaidWork;

/// <summary>The unpaid work settings (PRACTICE.md section 2: groups of up to 60 a day at one office) and projects.</summary>
public class UnpaidWorkSettingsAndProjectTests
{
    [Fact]
    public void The_defaults_are_twelve_months_a_three_hour_travel_cap_groups_of_ten_and_sixty_a_day_at_an_office()
    {
        var settings = new UnpaidWorkSettings();

        ErrorAssert.Valid(settings.Validate());
        Assert.Equal((12, 180, 10, 60, 660, 7m),
            (settings.CompletionMonths, settings.TravelCapMinutes, settings.MaxGroupSize, settings.MaxPeoplePerOfficeDay, settings.MaxCreditedMinutesPerSession, settings.RealisticHoursPerWeek));
    }

    [Fact]
    public void The_settings_are_checked_with_their_configuration_keys()
    {
        var errors = new UnpaidWorkSettings { CompletionMonths = 0, TravelCapMinutes = -1, RealisticHoursPerWeek = 0.5m }.Validate();

        ErrorAssert.Fields(errors, "CompletionMonths", "TravelCapMinutes", "RealisticHoursPerWeek");
        Assert.Equal("OpenProbation:UnpaidWork:CompletionMonths must be from 1 to 60", ErrorAssert.Messages(errors, "CompletionMonths")[0]);
    }

    [Fact]
    public void A_group_cannot_be_larger_than_an_office_s_day_nor_the_travel_cap_larger_than_a_session()
    {
        Assert.Equal("OpenProbation:UnpaidWork:MaxGroupSize must not be more than MaxPeoplePerOfficeDay",
            ErrorAssert.Single(new UnpaidWorkSettings { MaxGroupSize = 20, MaxPeoplePerOfficeDay = 15 }.Validate(), "MaxGroupSize"));
        ErrorAssert.Single(new UnpaidWorkSettings { TravelCapMinutes = 400, MaxCreditedMinutesPerSession = 300 }.Validate(), "TravelCapMinutes");
    }

    [Fact]
    public void A_project_needs_its_name_placement_location_and_beneficiary()
    {
        var errors = new UnpaidWorkProjectDetails(" ", null, null, "", null).Validate();
        ErrorAssert.Fields(errors, "name", "placementType", "location", "beneficiary");
        Assert.Equal("Select a valid type of placement",
            ErrorAssert.Single(new UnpaidWorkProjectDetails("Park", (UnpaidWorkPlacementType)9, "Riverside", "The town", null).Validate(), "placementType"));
    }

    [Fact]
    public void A_valid_project_is_applied_trimmed_and_active_unless_told_otherwise()
    {
        var details = new UnpaidWorkProjectDetails(" Riverside park clearance ", UnpaidWorkPlacementType.Group, " Riverside Park, Leeds ", " Leeds City Council parks: paths kept clear ", null);
        ErrorAssert.Valid(details.Validate());
        var project = new UnpaidWorkProject();

        project.Apply(details);

        Assert.Equal(("Riverside park clearance", UnpaidWorkPlacementType.Group, "Riverside Park, Leeds", "Leeds City Council parks: paths kept clear", true),
            (project.Name, project.PlacementType, project.Location, project.Beneficiary, project.IsActive));
        project.Apply(details with { IsActive = false });
        Assert.False(project.IsActive);
    }

    [Theory]
    // Twelve months beginning with the day of the order: to the day before its anniversary.
    [InlineData("2026-03-15", 12, "2027-03-14")]
    [InlineData("2026-01-01", 12, "2026-12-31")]
    [InlineData("2026-12-31", 12, "2027-12-30")]
    // An order on 29 February: the anniversary month has no 29th, so the period ends on its last day.
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2027-02-28", 12, "2028-02-27")]
    // A shorter configured period: February has no 30th or 31st, so a month from 30 or 31 January ends on 28 February.
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-01-30", 1, "2026-02-28")]
    [InlineData("2026-11-23", 18, "2028-05-22")]
    public void The_last_day_to_work_the_hours(string orderMadeOn, int months, string lastDay)
    {
        var settings = new UnpaidWorkSettings { CompletionMonths = months };
        Assert.Equal(TestDates.D(lastDay), UnpaidWorkHours.LastDay(TestDates.D(orderMadeOn), settings));
    }
}
