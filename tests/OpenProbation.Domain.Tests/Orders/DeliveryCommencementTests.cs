using OpenProbation.Domain.Orders;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>Crest recommendation 10 (PRACTICE.md section 2): requirements commence the week after sentence, specialist ones within a month.</summary>
public class DeliveryCommencementTests
{
    private static readonly DeliverySettings _settings = new();

    [Theory]
    [InlineData(RequirementType.Rar, false, true)]
    [InlineData(RequirementType.UnpaidWork, false, true)]
    [InlineData(RequirementType.AccreditedProgramme, true, true)]
    [InlineData(RequirementType.Drr, true, false)]
    [InlineData(RequirementType.Atr, true, false)]
    [InlineData(RequirementType.Mhtr, true, false)]
    [InlineData(RequirementType.Curfew, false, false)]
    [InlineData(RequirementType.Exclusion, false, false)]
    [InlineData(RequirementType.Other, false, false)]
    public void Every_requirement_type_is_specialist_or_standard_and_measured_or_not(RequirementType type, bool specialist, bool measured)
    {
        Assert.Equal((specialist, measured), (RequirementDelivery.IsSpecialist(type), RequirementDelivery.IsMeasured(type)));
    }

    [Fact]
    public void The_table_above_covers_every_requirement_type()
    {
        Assert.Equal(9, Enum.GetValues<RequirementType>().Length);
    }

    [Theory]
    [InlineData(RequirementType.Rar, "2026-11-23", "2026-11-30")]
    [InlineData(RequirementType.UnpaidWork, "2026-12-28", "2027-01-04")]
    [InlineData(RequirementType.Curfew, "2028-02-25", "2028-03-03")]
    [InlineData(RequirementType.AccreditedProgramme, "2026-11-23", "2026-12-23")]
    [InlineData(RequirementType.Drr, "2027-01-31", "2027-02-28")]
    [InlineData(RequirementType.Atr, "2028-01-31", "2028-02-29")]
    [InlineData(RequirementType.Mhtr, "2026-12-15", "2027-01-15")]
    public void The_target_is_a_week_after_sentence_or_a_month_for_specialist_requirements(RequirementType type, string sentenced, string due)
    {
        Assert.Equal(D(due), RequirementDelivery.CommencementTarget(type, D(sentenced), _settings));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-12-10", CommencementStatus.Met, 0, "Commenced on 30 November 2026, within the target (due 30 November 2026)")]
    [InlineData("2026-11-23", "2026-12-10", CommencementStatus.Met, 0, "Commenced on 23 November 2026, within the target (due 30 November 2026)")]
    [InlineData("2026-12-01", "2026-12-10", CommencementStatus.MetLate, 1, "Commenced on 1 December 2026, 1 day after the target (due 30 November 2026)")]
    [InlineData("2026-12-02", "2026-12-10", CommencementStatus.MetLate, 2, "Commenced on 2 December 2026, 2 days after the target (due 30 November 2026)")]
    [InlineData(null, "2026-11-27", CommencementStatus.Due, 0, "Not commenced: due by 30 November 2026 (3 days left)")]
    [InlineData(null, "2026-11-30", CommencementStatus.Due, 0, "Not commenced: due today (30 November 2026)")]
    [InlineData(null, "2026-12-03", CommencementStatus.Overdue, 3, "Not commenced: 3 days overdue (due 30 November 2026)")]
    public void Commencement_is_met_late_due_or_overdue(string? started, string today, CommencementStatus status, int daysLate, string words)
    {
        var reading = RequirementDelivery.Commencement(RequirementType.UnpaidWork, D("2026-11-23"), Maybe(started), D(today), _settings);

        Assert.Equal(new CommencementReading(D("2026-11-30"), status, false, daysLate, words), reading);
    }

    [Fact]
    public void A_specialist_requirement_started_three_weeks_after_sentence_met_its_target()
    {
        var reading = RequirementDelivery.Commencement(RequirementType.AccreditedProgramme, D("2026-11-23"), D("2026-12-14"), D("2026-12-20"), _settings);

        Assert.Equal((CommencementStatus.Met, true, D("2026-12-23")), (reading.Status, reading.IsSpecialist, reading.Due));
    }

    [Fact]
    public void The_targets_follow_the_settings()
    {
        var settings = _settings with { StandardCommencementDays = 14, SpecialistCommencementMonths = 2 };

        Assert.Equal(D("2026-12-07"), RequirementDelivery.CommencementTarget(RequirementType.Rar, D("2026-11-23"), settings));
        Assert.Equal(D("2027-01-23"), RequirementDelivery.CommencementTarget(RequirementType.Drr, D("2026-11-23"), settings));
    }
}
