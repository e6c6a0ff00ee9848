using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Contact standards by tier and their defaults (ContactStandardDefaults doc comment; PRACTICE.md section 3: frequency
/// and face-to-face share stated for every tier, red cases seen every week, face-to-face contact in nearly every case;
/// section 7 line 5).
/// </summary>
public class ContactStandardTests
{
    // Every row of the England and Wales table: protect letter A–D by change level 0–3, plus the letter alone.
    [Theory]
    [InlineData("A3", 7, 1.0, false)]
    [InlineData("A2", 7, 1.0, false)]
    [InlineData("A1", 7, 1.0, false)]
    [InlineData("A0", 7, 1.0, false)]
    [InlineData("A", 7, 1.0, false)]
    [InlineData("B3", 14, 0.75, true)]
    [InlineData("B2", 14, 0.75, true)]
    [InlineData("B1", 14, 0.75, true)]
    [InlineData("B0", 14, 0.75, true)]
    [InlineData("C3", 28, 0.5, true)]
    [InlineData("C2", 28, 0.5, true)]
    [InlineData("C1", 28, 0.5, true)]
    [InlineData("C0", 28, 0.5, true)]
    [InlineData("D3", 28, 0.5, true)]
    [InlineData("D2", 28, 0.5, true)]
    [InlineData("D1", 28, 0.5, true)]
    [InlineData("D0", 28, 0.5, true)]
    [InlineData(" d0 ", 28, 0.5, true)]
    public void England_and_Wales_tiers_take_their_protect_letter_s_standard_and_D_is_never_telephone_only(
        string tier, int frequency, double faceToFace, bool telephone)
    {
        var standard = ContactStandardDefaults.EnglandAndWales.For(tier);

        Assert.Equal(frequency, standard.FrequencyDays);
        Assert.Equal((decimal)faceToFace, standard.MinimumFaceToFaceShare);
        Assert.Equal(telephone, standard.TelephoneMayStandIn);
        Assert.Equal(5, standard.InductionWorkingDays);
        Assert.True(standard.MinimumFaceToFaceShare > 0, "no tier may be telephone-only (PRACTICE.md section 3)");
    }

    [Theory]
    [InlineData("RED", 7, false)]
    [InlineData("red", 7, false)]
    [InlineData("AMBER", 14, true)]
    [InlineData("GREEN", 28, true)]
    [InlineData("BLUE", 28, true)]
    public void BRAG_ratings_have_their_standards_and_red_cases_are_seen_every_week(string tier, int frequency, bool telephone)
    {
        var standard = ContactStandardDefaults.Brag.For(tier);

        Assert.Equal(frequency, standard.FrequencyDays);
        Assert.Equal(telephone, standard.TelephoneMayStandIn);
        Assert.Equal(5, standard.InductionWorkingDays);
    }

    [Fact]
    public void BRAG_face_to_face_shares_are_all_for_red_three_quarters_half_and_one_in_three()
    {
        Assert.Equal(1m, ContactStandardDefaults.Brag.For("RED").MinimumFaceToFaceShare);
        Assert.Equal(0.75m, ContactStandardDefaults.Brag.For("AMBER").MinimumFaceToFaceShare);
        Assert.Equal(0.5m, ContactStandardDefaults.Brag.For("GREEN").MinimumFaceToFaceShare);
        var blue = ContactStandardDefaults.Brag.For("BLUE").MinimumFaceToFaceShare;
        Assert.True(1m / 3m >= blue, "one face-to-face contact in three meets the BLUE standard");
        Assert.True(0.33m < blue, "fewer than one in three does not");
    }

    // A missing rating must not lower contact: "a rating must follow the assessment, never the diary" (PRACTICE.md section 3).
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("E1")]
    [InlineData("BLUE")]
    [InlineData("B3X")]
    [InlineData("3")]
    public void An_untiered_case_or_an_unknown_tier_gets_the_highest_standard_under_England_and_Wales_tiers(string? tier)
    {
        var resolved = ContactStandardDefaults.EnglandAndWales.Resolve(tier);

        Assert.True(resolved.IsFallback);
        Assert.Same(ContactStandardDefaults.Weekly, resolved.Standard);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("A3")]
    [InlineData("R")]
    [InlineData("REDDISH")]
    public void An_untiered_case_or_an_unknown_rating_is_treated_as_red_under_BRAG(string? tier) =>
        Assert.Same(ContactStandardDefaults.Weekly, ContactStandardDefaults.Brag.For(tier));

    [Fact]
    public void A_whole_tier_key_wins_over_its_letter_and_the_match_says_which_key_applied()
    {
        var intensive = new ContactStandard(3, 1m, false);
        var policy = new ContactStandardPolicy(
            "Local", 2, D("2026-04-01"),
            new Dictionary<string, ContactStandard> { ["b"] = ContactStandardDefaults.Fortnightly, [" B3 "] = intensive },
            ContactStandardDefaults.Weekly);

        Assert.Equal(new TierStandard("B3", "B3", intensive), policy.Resolve("b3"));
        Assert.Equal(new TierStandard("B2", "B", ContactStandardDefaults.Fortnightly), policy.Resolve("B2"));
        Assert.Equal(new TierStandard("B", "B", ContactStandardDefaults.Fortnightly), policy.Resolve("B"));
        Assert.Equal("Local, version 2", policy.Label);
        Assert.Equal(["B", "B3"], policy.Standards.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(7, AppointmentType.OfficeInterview, true)]
    [InlineData(7, AppointmentType.HomeVisit, true)]
    [InlineData(7, AppointmentType.GroupInduction, true)]
    [InlineData(7, AppointmentType.GroupSession, true)]
    [InlineData(7, AppointmentType.Telephone, false)]
    [InlineData(7, AppointmentType.Video, false)]
    [InlineData(7, AppointmentType.RarSession, false)]
    [InlineData(7, AppointmentType.UnpaidWork, false)]
    [InlineData(7, AppointmentType.ProgrammeSession, false)]
    [InlineData(7, AppointmentType.OtherAgency, false)]
    [InlineData(14, AppointmentType.Telephone, true)]
    [InlineData(14, AppointmentType.Video, true)]
    [InlineData(14, AppointmentType.OfficeInterview, true)]
    [InlineData(14, AppointmentType.RarSession, false)]
    [InlineData(14, AppointmentType.UnpaidWork, false)]
    public void A_standard_counts_offender_management_contacts_and_telephone_only_where_it_may_stand_in(
        int frequency, AppointmentType type, bool counts)
    {
        var standard = frequency == 7 ? ContactStandardDefaults.Weekly : ContactStandardDefaults.Fortnightly;

        Assert.Equal(counts, standard.Counts(type));
    }

    [Theory]
    [InlineData(0, 0.5, 5)]
    [InlineData(92, 0.5, 5)]
    [InlineData(7, -0.01, 5)]
    [InlineData(7, 1.01, 5)]
    [InlineData(7, 0.5, -1)]
    [InlineData(7, 0.5, 31)]
    public void A_standard_outside_its_ranges_is_refused_when_built(int frequency, double share, int induction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactStandard(frequency, (decimal)share, true, induction));

    [Fact]
    public void A_standard_at_the_ends_of_its_ranges_is_allowed()
    {
        Assert.Equal(1, new ContactStandard(1, 0m, true, 0).FrequencyDays);
        Assert.Equal(91, new ContactStandard(91, 1m, false, 30).FrequencyDays);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("B-3")]
    [InlineData("B 3")]
    public void A_policy_key_must_be_letters_and_digits(string key) =>
        Assert.Throws<ArgumentException>(() => Policy("Local", D("2026-04-01"), key));

    [Fact]
    public void A_policy_cannot_give_the_same_key_twice_in_different_cases() =>
        Assert.Throws<ArgumentException>(() => new ContactStandardPolicy(
            "Local", 1, D("2026-04-01"),
            [new("b", ContactStandardDefaults.Fortnightly), new("B", ContactStandardDefaults.Weekly)],
            ContactStandardDefaults.Weekly));

    [Fact]
    public void A_policy_needs_a_name_and_a_version_from_1()
    {
        Assert.Throws<ArgumentException>(() => new ContactStandardPolicy(" ", 1, D("2026-04-01"), [], ContactStandardDefaults.Weekly));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactStandardPolicy("Local", 0, D("2026-04-01"), [], ContactStandardDefaults.Weekly));
    }

    [Theory]
    [InlineData("2020-01-01", "England and Wales tiers")]
    [InlineData("2026-03-31", "England and Wales tiers")]
    [InlineData("2026-04-01", "Local 2026")]
    [InlineData("2026-12-31", "Local 2026")]
    [InlineData("2027-01-01", "Local 2027")]
    [InlineData("2099-01-01", "Local 2027")]
    public void The_schedule_gives_the_policy_in_force_on_each_day(string date, string name)
    {
        var schedule = new ContactStandardSchedule(
            [Policy("Local 2027", D("2027-01-01"), "A"), ContactStandardDefaults.EnglandAndWales, Policy("Local 2026", D("2026-04-01"), "A")]);

        Assert.Equal(name, schedule.At(D(date)).Name);
        Assert.Equal(
            [DateOnly.MinValue, D("2026-04-01"), D("2027-01-01")], schedule.Policies.Select(p => p.EffectiveFrom));
    }

    [Fact]
    public void A_date_before_every_policy_is_judged_by_the_earliest()
    {
        var schedule = new ContactStandardSchedule([Policy("Local 2027", D("2027-01-01"), "A"), Policy("Local 2026", D("2026-04-01"), "A")]);

        Assert.Equal("Local 2026", schedule.At(D("2019-06-01")).Name);
    }

    [Fact]
    public void The_schedule_looks_up_the_tier_in_the_policy_in_force()
    {
        var weeklyForD = Policy("Local", D("2026-04-01"), "D");
        var schedule = new ContactStandardSchedule([ContactStandardDefaults.EnglandAndWales, weeklyForD]);

        Assert.Equal(28, schedule.For(D("2026-03-31"), "D1").FrequencyDays);
        Assert.Equal(3, schedule.For(D("2026-04-01"), "D1").FrequencyDays);
    }

    [Fact]
    public void Two_policies_cannot_start_on_the_same_day()
    {
        var policies = new[] { Policy("Local", D("2026-04-01"), "A"), Policy("Other", D("2026-04-01"), "B"), ContactStandardDefaults.Brag };

        var message = ErrorAssert.Single(ContactStandardSchedule.Validate(policies), "effectiveFrom");

        Assert.Equal("Each policy must start on a different day: Local, version 1 and Other, version 1 both start on 1 April 2026", message);
        Assert.Throws<ArgumentException>(() => new ContactStandardSchedule(policies));
    }

    [Fact]
    public void A_schedule_needs_at_least_one_policy()
    {
        Assert.Equal("Add at least one contact standard policy", ErrorAssert.Single(ContactStandardSchedule.Validate([]), "policies"));
        Assert.Throws<ArgumentException>(() => new ContactStandardSchedule([]));
    }

    [Fact]
    public void The_default_schedules_hold_their_policy_from_the_beginning()
    {
        Assert.Same(ContactStandardDefaults.EnglandAndWales, ContactStandardDefaults.EnglandAndWalesSchedule.At(DateOnly.MinValue));
        Assert.Same(ContactStandardDefaults.Brag, ContactStandardDefaults.BragSchedule.At(DateOnly.MaxValue));
        ErrorAssert.Valid(ContactStandardSchedule.Validate([ContactStandardDefaults.EnglandAndWales]));
    }

    private static ContactStandardPolicy Policy(string name, DateOnly from, string key) =>
        new(name, 1, from, [new(key, new ContactStandard(3, 1m, false))], ContactStandardDefaults.Weekly);
}
