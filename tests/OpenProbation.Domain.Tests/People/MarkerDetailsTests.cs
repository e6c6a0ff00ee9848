using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.People;

/// <summary>Markers change how a case must be handled (PRACTICE.md sections 4 and 7, line 3).</summary>
public class MarkerDetailsTests
{
    private static readonly DateOnly _today = new(2026, 3, 15);

    private static readonly MarkerDetails _valid =
        new(MarkerType.ChildProtection, null, null, null, new DateOnly(2025, 1, 1), null);

    private static readonly MarkerDetails _mappa =
        new(MarkerType.Mappa, 2, 1, null, new DateOnly(2025, 1, 1), null);

    [Theory]
    [InlineData(MarkerType.ChildProtection, new string[0])]
    [InlineData(MarkerType.DomesticAbuse, new string[0])]
    [InlineData(MarkerType.Safeguarding, new string[0])]
    [InlineData(MarkerType.Mappa, new[] { "mappaLevel", "mappaCategory" })]
    [InlineData(MarkerType.Other, new[] { "description" })]
    public void Each_type_of_marker_needs_its_own_details(MarkerType type, string[] missing) =>
        ErrorAssert.Fields((_valid with { Type = type }).Validate(_today), missing);

    [Fact]
    public void A_type_is_required_and_must_be_a_named_one()
    {
        Assert.Equal("Select a type of marker", ErrorAssert.Single((_valid with { Type = null }).Validate(_today), "type"));
        Assert.Equal("Select a valid type of marker", ErrorAssert.Single((_valid with { Type = (MarkerType)99 }).Validate(_today), "type"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(-1, false)]
    public void A_MAPPA_marker_has_level_1_2_or_3(int? level, bool valid)
    {
        var errors = (_mappa with { MappaLevel = level }).Validate(_today);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("Select MAPPA level 1, 2 or 3", ErrorAssert.Single(errors, "mappaLevel"));
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void A_MAPPA_marker_has_category_1_2_3_or_4(int? category, bool valid)
    {
        var errors = (_mappa with { MappaCategory = category }).Validate(_today);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("Select MAPPA category 1, 2, 3 or 4", ErrorAssert.Single(errors, "mappaCategory"));
        }
    }

    [Theory]
    [InlineData(MarkerType.ChildProtection, 1, null, new[] { "mappaLevel" })]
    [InlineData(MarkerType.DomesticAbuse, null, 2, new[] { "mappaCategory" })]
    [InlineData(MarkerType.Safeguarding, 3, 4, new[] { "mappaLevel", "mappaCategory" })]
    [InlineData(MarkerType.Other, 1, 1, new[] { "mappaLevel", "mappaCategory" })]
    public void MAPPA_level_and_category_are_refused_on_other_markers_against_the_field_that_was_sent(
        MarkerType type, int? level, int? category, string[] fields)
    {
        var errors = (_valid with { Type = type, MappaLevel = level, MappaCategory = category, Description = "Noted" }).Validate(_today);

        ErrorAssert.Fields(errors, fields);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_other_marker_must_be_described(string? description) =>
        Assert.Equal(
            "Describe the marker",
            ErrorAssert.Single((_valid with { Type = MarkerType.Other, Description = description }).Validate(_today), "description"));

    [Fact]
    public void A_description_may_be_2000_characters_but_not_2001()
    {
        ErrorAssert.Valid((_valid with { Type = MarkerType.Other, Description = new string('d', 2000) }).Validate(_today));
        Assert.Equal(
            "Description must be 2000 characters or fewer",
            ErrorAssert.Single((_valid with { Type = MarkerType.Other, Description = new string('d', 2001) }).Validate(_today), "description"));
    }

    [Theory]
    [InlineData(null, null, "startDate")]
    [InlineData("2026-03-15", null, null)]
    [InlineData("2026-03-16", null, "startDate")]
    [InlineData("2025-01-01", "2025-01-01", null)]
    [InlineData("2025-01-02", "2025-01-01", "endDate")]
    public void A_marker_starts_today_or_earlier_and_ends_on_or_after_its_start(string? start, string? end, string? errorField)
    {
        var errors = (_valid with { StartDate = Maybe(start), EndDate = Maybe(end) }).Validate(_today);

        ErrorAssert.Fields(errors, errorField is null ? [] : [errorField]);
    }

    [Fact]
    public void Applying_keeps_MAPPA_level_and_category_only_on_MAPPA_markers_and_trims_the_description()
    {
        var marker = new Marker();

        marker.Apply(_mappa with { Description = "  Category 1 offender " });
        Assert.Equal((2, 1), (marker.MappaLevel, marker.MappaCategory));
        Assert.Equal("Category 1 offender", marker.Description);

        marker.Apply(_valid with { MappaLevel = 2, MappaCategory = 1, Description = " " });
        Assert.Equal(MarkerType.ChildProtection, marker.Type);
        Assert.Null(marker.MappaLevel);
        Assert.Null(marker.MappaCategory);
        Assert.Null(marker.Description);
    }

    [Theory]
    [InlineData("2025-01-01", null, "2024-12-31", false)]
    [InlineData("2025-01-01", null, "2025-01-01", true)]
    [InlineData("2025-01-01", "2025-03-31", "2025-03-31", true)]
    [InlineData("2025-01-01", "2025-03-31", "2025-04-01", false)]
    public void A_marker_applies_from_its_start_to_its_end_inclusive(string start, string? end, string on, bool active) =>
        Assert.Equal(active, new Marker { StartDate = D(start), EndDate = Maybe(end) }.IsActiveOn(D(on)));
}
