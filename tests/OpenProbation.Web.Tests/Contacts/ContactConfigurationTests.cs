using Microsoft.Extensions.Configuration;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// Contact standards and closures read from configuration (docs/configuration.md). Nothing here touches a database, so
/// it runs once rather than per provider. Standards are effective-dated so a past month is judged as it was (STYLE.md).
/// </summary>
public sealed class ContactConfigurationTests
{
    private static ContactPolicies Read(params (string Key, string Value)[] settings) =>
        ContactConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private const string Policy = "OpenProbation:ContactStandards:Schedule:0";

    [Fact]
    public void Without_configuration_the_shipped_standards_apply_to_both_tiering_policies()
    {
        var policies = Read();

        var policy = Assert.Single(policies.Schedule.Policies);
        Assert.Same(ContactConfiguration.DefaultPolicy, policy);
        Assert.Equal(7, policy.For("RED").FrequencyDays);
        Assert.Equal(14, policy.For("B2").FrequencyDays);
        Assert.Equal(1m / 3m, policy.For("BLUE").MinimumFaceToFaceShare);
        Assert.Equal(7, policy.For(null).FrequencyDays);
        Assert.Empty(policies.Calendar.ExtraNonWorkingDays);
    }

    [Fact]
    public void A_configured_policy_applies_from_its_date_and_the_shipped_standards_before_it()
    {
        var policies = Read(
            ($"{Policy}:Name", "West Midlands standards"),
            ($"{Policy}:Version", "2"),
            ($"{Policy}:From", "2027-04-01"),
            ($"{Policy}:Standards:A:FrequencyDays", "5"),
            ($"{Policy}:Standards:A:MinimumFaceToFaceShare", "1"),
            ($"{Policy}:Standards:A:TelephoneMayStandIn", "false"),
            ($"{Policy}:Standards:B:FrequencyDays", "14"),
            ($"{Policy}:Standards:B:MinimumFaceToFaceShare", "0.5"),
            ($"{Policy}:Standards:B:TelephoneMayStandIn", "true"),
            ($"{Policy}:Standards:B:InductionWorkingDays", "3"),
            ("OpenProbation:Calendar:ExtraNonWorkingDays:0", "2026-12-29"),
            ("OpenProbation:Calendar:ExtraNonWorkingDays:1", "2026-12-30"));

        Assert.Equal(["England and Wales tiers and BRAG ratings, version 1", "West Midlands standards, version 2"], policies.Schedule.Policies.Select(p => p.Label));
        Assert.Equal(7, policies.Schedule.For(new DateOnly(2027, 3, 31), "A1").FrequencyDays);
        Assert.Equal(5, policies.Schedule.For(new DateOnly(2027, 4, 1), "A1").FrequencyDays);
        Assert.Equal(new ContactStandard(14, 0.5m, true, 3), policies.Schedule.For(new DateOnly(2027, 4, 1), "B3"));
        Assert.Equal(ContactStandardDefaults.Weekly, policies.Schedule.At(new DateOnly(2027, 4, 1)).Fallback);
        Assert.False(policies.Calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
        Assert.Equal(new DateOnly(2027, 1, 5), policies.Calendar.AddWorkingDays(new DateOnly(2026, 12, 24), 3));
    }

    [Theory]
    [InlineData("Standards:A:FrequencyDays", "0", "OpenProbation:ContactStandards:Schedule:0:Standards:A:FrequencyDays is '0'; use a whole number from 1 to 91.")]
    [InlineData("Standards:A:MinimumFaceToFaceShare", "75%", "OpenProbation:ContactStandards:Schedule:0:Standards:A:MinimumFaceToFaceShare is '75%'; use a share from 0 to 1, such as 0.75.")]
    [InlineData("Standards:A:TelephoneMayStandIn", "sometimes", "OpenProbation:ContactStandards:Schedule:0:Standards:A:TelephoneMayStandIn is 'sometimes'; use true or false.")]
    [InlineData("Standards:A:FrequncyDays", "7", "OpenProbation:ContactStandards:Schedule:0:Standards:A:FrequncyDays is not a setting; use FrequencyDays, MinimumFaceToFaceShare, TelephoneMayStandIn, InductionWorkingDays.")]
    [InlineData("From", "01/04/2027", "OpenProbation:ContactStandards:Schedule:0:From is '01/04/2027'; write the date as yyyy-MM-dd.")]
    [InlineData("Standards:B-1:FrequencyDays", "7", "OpenProbation:ContactStandards:Schedule:0:Standards: A tier key must be letters and digits, not 'B-1'.")]
    public void A_wrong_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        var settings = new List<(string, string)>
        {
            ($"{Policy}:Standards:A:FrequencyDays", "7"),
            ($"{Policy}:Standards:A:MinimumFaceToFaceShare", "1"),
            ($"{Policy}:Standards:A:TelephoneMayStandIn", "false"),
        };
        settings.RemoveAll(s => s.Item1 == $"{Policy}:{key}");
        settings.Add(($"{Policy}:{key}", value));
        if (key.StartsWith("Standards:B-1", StringComparison.Ordinal))
        {
            settings.Add(($"{Policy}:Standards:B-1:MinimumFaceToFaceShare", "1"));
            settings.Add(($"{Policy}:Standards:B-1:TelephoneMayStandIn", "false"));
        }

        var error = Assert.Throws<InvalidOperationException>(() => Read([.. settings]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_standard_missing_its_share_and_two_policies_on_one_day_are_refused()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Read(($"{Policy}:Standards:A:FrequencyDays", "7"), ($"{Policy}:Standards:A:TelephoneMayStandIn", "false")));
        Assert.StartsWith($"{Policy}:Standards:A:MinimumFaceToFaceShare is missing", missing.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<InvalidOperationException>(() => Read(
            ("OpenProbation:ContactStandards:Schedule:0:From", "2027-04-01"),
            ("OpenProbation:ContactStandards:Schedule:0:Standards:A:FrequencyDays", "7"),
            ("OpenProbation:ContactStandards:Schedule:0:Standards:A:MinimumFaceToFaceShare", "1"),
            ("OpenProbation:ContactStandards:Schedule:0:Standards:A:TelephoneMayStandIn", "false"),
            ("OpenProbation:ContactStandards:Schedule:1:From", "2027-04-01"),
            ("OpenProbation:ContactStandards:Schedule:1:Standards:A:FrequencyDays", "14"),
            ("OpenProbation:ContactStandards:Schedule:1:Standards:A:MinimumFaceToFaceShare", "1"),
            ("OpenProbation:ContactStandards:Schedule:1:Standards:A:TelephoneMayStandIn", "false")));
        Assert.Contains("Each policy must start on a different day", twice.Message, StringComparison.Ordinal);

        var calendar = Assert.Throws<InvalidOperationException>(() => Read(("OpenProbation:Calendar:ExtraNonWorkingDays:0", "29 December")));
        Assert.Equal("OpenProbation:Calendar:ExtraNonWorkingDays:0 is '29 December'; write the date as yyyy-MM-dd.", calendar.Message);
    }

    [Fact]
    public void Enforcement_and_sentence_plan_settings_are_read_and_a_wrong_key_or_value_is_named()
    {
        var policies = Read(("OpenProbation:Enforcement:ExcuseDays", "5"), ("OpenProbation:SentencePlans:ReviewWeeks", "12"));
        Assert.Equal((5, 12, 2, 15), (policies.Enforcement.ExcuseDays, policies.Plans.ReviewWeeks, policies.Enforcement.DecisionWorkingDays, policies.Plans.DueWorkingDays));

        var key = Assert.Throws<InvalidOperationException>(() => Read(("OpenProbation:SentencePlans:DueDays", "10")));
        Assert.Equal("OpenProbation:SentencePlans:DueDays is not a setting; use DueWorkingDays or ReviewWeeks.", key.Message);
        var value = Assert.Throws<InvalidOperationException>(() => Read(("OpenProbation:Enforcement:ExcuseDays", "seven")));
        Assert.Equal("OpenProbation:Enforcement:ExcuseDays is 'seven'; use a whole number.", value.Message);
        var range = Assert.Throws<InvalidOperationException>(() => Read(("OpenProbation:SentencePlans:ReviewWeeks", "0")));
        Assert.Equal("OpenProbation:SentencePlans:ReviewWeeks must be from 1 to 104.", range.Message);
    }
}
