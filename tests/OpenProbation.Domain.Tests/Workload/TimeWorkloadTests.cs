using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Workload;

namespace OpenProbation.Domain.Tests.Workload;

/// <summary>The time model: hours a case needs from its standard and its work, against the hours an officer is really at work.</summary>
public class TimeWorkloadTests
{
    private static readonly TimeWeights _weights = new();
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;

    // November 2026: 21 working days (no bank holidays).
    private static readonly DateOnly _november = new(2026, 11, 1);

    [Fact]
    public void A_weekly_case_needs_its_contacts_travel_assessment_and_administration()
    {
        var line = TimeWorkload.ForCase(new WorkloadCase("X000001", WorkloadCaseType.Community, "A1", ContactStandardDefaults.Weekly, AssessmentLayer.Layer3), _weights);

        // 4.35 contacts a month, all face to face, 0.65 of them home visits with an hour's travel; 7.5h layer 3 twice a year.
        var contacts = 365.25m / 12m / 7m;
        var expected = (contacts * 60m / 60m) + (contacts * 0.15m) + (7.5m * 2m / 12m) + 1.5m;
        Assert.Equal(decimal.Round(expected, 1), line.Amount);
        Assert.Contains("layer 3 assessment every 26 weeks", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Layer_3_takes_far_longer_than_layer_1_and_telephone_contact_is_shorter()
    {
        var full = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "C1", ContactStandardDefaults.FourWeekly, AssessmentLayer.Layer3), _weights);
        var shortAssessment = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "C1", ContactStandardDefaults.FourWeekly, AssessmentLayer.Layer1), _weights);
        var allFaceToFace = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "C1", new ContactStandard(28, 1m, telephoneMayStandIn: false), AssessmentLayer.Layer1), _weights);

        Assert.True(full.Amount > shortAssessment.Amount);
        Assert.True(allFaceToFace.Amount > shortAssessment.Amount);
    }

    [Fact]
    public void Breach_RAR_custody_and_warrant_cases_take_their_own_time()
    {
        var breach = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "B2", ContactStandardDefaults.Fortnightly, null, InBreach: true, RarRequirements: 1), _weights);
        var plain = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "B2", ContactStandardDefaults.Fortnightly, null), _weights);
        var custody = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Custody, "B2", null, null), _weights);
        var warrant = TimeWorkload.ForCase(new WorkloadCase("X1", WorkloadCaseType.Community, "B2", ContactStandardDefaults.Fortnightly, AssessmentLayer.Layer3, IsWarrant: true), _weights);

        Assert.Equal(plain.Amount + 6m + 4m, breach.Amount, 1);
        Assert.Equal(3.5m, custody.Amount);
        Assert.Equal(2m, warrant.Amount);
    }

    [Fact]
    public void Available_hours_are_the_days_in_post_less_absences_reductions_and_non_case_time()
    {
        var leave = new StaffAbsence { Type = AbsenceType.AnnualLeave, StartDate = new DateOnly(2026, 11, 9), EndDate = new DateOnly(2026, 11, 13) };
        var union = new Reduction { Type = ReductionType.TradeUnionFacilityTime, StartDate = new DateOnly(2026, 1, 1), HoursPerWeek = 3.7m };

        var result = TimeWorkload.ForOfficer(37m, new DateOnly(2020, 1, 1), null, [], [], [leave], [union], _november, _calendar, _weights);

        Assert.Equal((155.4m, 37m), (result.ContractedHours, result.AbsenceHours)); // 21 days × 7.4, 5 days away
        Assert.Equal(11.8m, result.ReductionHours); // 16 days at work × 0.74
        Assert.Equal(decimal.Round((155.4m - 37m - 11.84m) * 0.85m, 1), result.AvailableHours);
    }

    [Fact]
    public void A_vacancy_or_an_officer_away_all_month_has_no_capacity_not_spare_capacity()
    {
        var sick = new StaffAbsence { Type = AbsenceType.Sickness, StartDate = new DateOnly(2026, 10, 20), EndDate = new DateOnly(2026, 12, 20) };
        var cases = new[] { new WorkloadCase("X1", WorkloadCaseType.Community, "C1", ContactStandardDefaults.FourWeekly, AssessmentLayer.Layer1) };

        var away = TimeWorkload.ForOfficer(37m, new DateOnly(2020, 1, 1), null, cases, [], [sick], [], _november, _calendar, _weights);
        var left = TimeWorkload.ForOfficer(37m, new DateOnly(2020, 1, 1), new DateOnly(2026, 10, 31), cases, [], [], [], _november, _calendar, _weights);

        Assert.Equal((0m, (decimal?)null), (away.AvailableHours, away.CapacityPercent));
        Assert.Equal((0m, (decimal?)null), (left.AvailableHours, left.CapacityPercent));
        Assert.True(away.TotalHours > 0);
    }

    [Fact]
    public void Reports_count_in_the_month_they_are_due()
    {
        var reports = new[]
        {
            new WorkloadReport(WorkloadReportType.PreSentenceReport, new DateOnly(2026, 11, 30), "X1"),
            new WorkloadReport(WorkloadReportType.ParoleReport, new DateOnly(2026, 11, 2), "X2"),
            new WorkloadReport(WorkloadReportType.PreSentenceReport, new DateOnly(2026, 12, 1), "X3"),
        };

        var result = TimeWorkload.ForOfficer(37m, new DateOnly(2020, 1, 1), null, [], reports, [], [], _november, _calendar, _weights);

        Assert.Equal(17.5m, result.ReportHours);
    }

    [Property(MaxTest = 200)]
    public Property More_absence_never_gives_more_available_hours() =>
        Prop.ForAll(
            Gen.Choose(1, 30).ToArbitrary(),
            Gen.Choose(0, 30).ToArbitrary(),
            Gen.Choose(1, 48).ToArbitrary(),
            (start, length, hours) =>
            {
                var shorter = new StaffAbsence { StartDate = _november.AddDays(start - 1), EndDate = _november.AddDays(start - 1 + (length / 2)) };
                var longer = new StaffAbsence { StartDate = shorter.StartDate, EndDate = _november.AddDays(start - 1 + length) };
                var a = TimeWorkload.ForOfficer(hours, new DateOnly(2020, 1, 1), null, [], [], [shorter], [], _november, _calendar, _weights);
                var b = TimeWorkload.ForOfficer(hours, new DateOnly(2020, 1, 1), null, [], [], [longer], [], _november, _calendar, _weights);
                return b.AvailableHours <= a.AvailableHours && a.AvailableHours <= a.ContractedHours;
            });
}
