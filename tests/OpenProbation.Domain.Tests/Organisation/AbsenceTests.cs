using FsCheck.Xunit;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Organisation;

/// <summary>Staff absences: both dates inclusive; allocation must respect them (PRACTICE.md section 7, line 3).</summary>
public class AbsenceTests
{
    private static readonly AbsenceDetails _valid =
        new(AbsenceType.AnnualLeave, new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 10), null);

    [Fact]
    public void Complete_details_are_valid() => ErrorAssert.Valid(_valid.Validate());

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_field_names_a_client_sends() =>
        ErrorAssert.Fields(new AbsenceDetails(null, null, null, null).Validate(), "type", "startDate", "endDate");

    [Fact]
    public void The_type_must_be_a_named_one() =>
        Assert.Equal("Select a valid type of absence", ErrorAssert.Single((_valid with { Type = (AbsenceType)5 }).Validate(), "type"));

    [Fact]
    public void Notes_may_be_2000_characters_but_not_2001()
    {
        ErrorAssert.Valid((_valid with { Notes = new string('n', 2000) }).Validate());
        ErrorAssert.Single((_valid with { Notes = new string('n', 2001) }).Validate(), "notes");
    }

    // AbsenceDetails.MaxLengthDays: at most 731 days counting both ends; a longer absence is recorded in parts.
    [Theory]
    [InlineData("2026-04-06", "2026-04-06", null)]
    [InlineData("2026-04-06", "2026-04-05", "End date must be the same as or after the start date")]
    [InlineData("2024-01-01", "2025-12-31", null)]
    [InlineData("2024-01-01", "2026-01-01", "An absence can be at most two years long; record a longer one in parts")]
    [InlineData("2025-01-01", "2026-12-31", null)]
    [InlineData("2025-01-01", "2027-01-01", null)]
    [InlineData("2025-01-01", "2027-01-02", "An absence can be at most two years long; record a longer one in parts")]
    [InlineData("2026-01-01", "2099-12-31", "An absence can be at most two years long; record a longer one in parts")]
    public void An_absence_ends_on_or_after_its_start_and_covers_at_most_731_days(string start, string end, string? message)
    {
        var errors = (_valid with { StartDate = D(start), EndDate = D(end) }).Validate();

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "endDate"));
        }
    }

    [Theory]
    [InlineData("2026-04-05", false)]
    [InlineData("2026-04-06", true)]
    [InlineData("2026-04-08", true)]
    [InlineData("2026-04-10", true)]
    [InlineData("2026-04-11", false)]
    public void An_absence_covers_its_first_and_last_days_and_those_between(string date, bool covered) =>
        Assert.Equal(covered, Absence("2026-04-06", "2026-04-10").Covers(D(date)));

    [Theory]
    [InlineData("2026-03-30", "2026-04-05", false)]
    [InlineData("2026-03-30", "2026-04-06", true)]
    [InlineData("2026-04-07", "2026-04-08", true)]
    [InlineData("2026-04-01", "2026-04-30", true)]
    [InlineData("2026-04-10", "2026-04-17", true)]
    [InlineData("2026-04-11", "2026-04-17", false)]
    public void An_absence_overlaps_a_range_that_shares_at_least_one_day_with_it(string from, string to, bool overlaps) =>
        Assert.Equal(overlaps, Absence("2026-04-06", "2026-04-10").Overlaps(D(from), D(to)));

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public bool A_one_day_range_overlaps_exactly_when_the_absence_covers_that_day(AbsenceProbe probe)
    {
        var (absence, day, _) = Arrange(probe);

        return absence.Overlaps(day, day) == absence.Covers(day);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public bool Overlaps_is_true_exactly_when_some_day_is_in_both_ranges(AbsenceProbe probe)
    {
        var (absence, from, to) = Arrange(probe);

        var sharedDay = Enumerable.Range(from.DayNumber, to.DayNumber - from.DayNumber + 1)
            .Any(n => absence.Covers(DateOnly.FromDayNumber(n)));

        return absence.Overlaps(from, to) == sharedDay;
    }

    [Fact]
    public void Applying_copies_the_dates_and_drops_a_blank_note()
    {
        var absence = new StaffAbsence();

        absence.Apply(_valid with { Type = AbsenceType.Sickness, Notes = "  " });

        Assert.Equal(AbsenceType.Sickness, absence.Type);
        Assert.Equal((new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 10)), (absence.StartDate, absence.EndDate));
        Assert.Null(absence.Notes);
    }

    private static (StaffAbsence Absence, DateOnly From, DateOnly To) Arrange(AbsenceProbe probe)
    {
        var absence = new StaffAbsence { StartDate = probe.Start, EndDate = probe.Start.AddDays(probe.AbsenceDays) };
        var from = probe.Start.AddDays(probe.FromOffset);
        return (absence, from, from.AddDays(probe.RangeDays));
    }

    private static StaffAbsence Absence(string start, string end) => new() { StartDate = D(start), EndDate = D(end) };
}
