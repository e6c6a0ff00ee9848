using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;

namespace OpenProbation.Domain.Workload;

/// <summary>A team's establishment against the officers actually in post, in full-time equivalents.</summary>
/// <param name="Posts">Funded case-holding posts; empty when not recorded.</param>
/// <param name="InPost">Case-holding officers in post on the day, as FTE (contracted hours ÷ 37).</param>
/// <param name="Vacant">Posts no one fills: never below zero, empty when the establishment is not recorded.</param>
public sealed record Establishment(decimal? Posts, decimal InPost, decimal? Vacant)
{
    /// <summary>"4.5 FTE vacant of 12 posts", "All 12 posts filled", or empty when the establishment is not recorded.</summary>
    public string? Words => Posts is not { } posts
        ? null
        : Vacant is > 0m
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Vacant:0.##} FTE vacant of {posts:0.##} posts: vacancies add no capacity")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"All {posts:0.##} posts filled");
}

/// <summary>
/// Vacancies are vacancies, not capacity (PRACTICE.md section 7, line 4: the tool said there was capacity "if all posts
/// are occupied"). Capacity is only ever worked out from officers in post; the establishment is shown beside it.
/// </summary>
public static class Vacancies
{
    /// <summary>The most posts a team records: larger is a typing mistake.</summary>
    public const decimal MaxPosts = 500m;

    /// <summary>The establishment from the posts and the contracted hours of each case-holding officer in post.</summary>
    public static Establishment Of(decimal? posts, IEnumerable<decimal> contractedHoursInPost)
    {
        ArgumentNullException.ThrowIfNull(contractedHoursInPost);
        var inPost = decimal.Round(contractedHoursInPost.Sum(h => h / StaffMember.FullTimeHours), 2);
        return new Establishment(posts, inPost, posts is { } p ? Math.Max(0m, decimal.Round(p - inPost, 2)) : null);
    }

    /// <summary>Checks a recorded establishment: from 0 to 500 FTE, in steps of at most two decimal places.</summary>
    public static ValidationErrors Validate(decimal? posts)
    {
        var errors = new ValidationErrors();
        if (posts is { } p && (p < 0m || p > MaxPosts || decimal.Round(p, 2) != p))
        {
            errors.Add("caseHoldingPosts", $"Case-holding posts must be between 0 and {MaxPosts:0} FTE, with at most two decimal places");
        }

        return errors;
    }
}
