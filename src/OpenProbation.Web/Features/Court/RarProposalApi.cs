using OpenProbation.Domain.Common;
using OpenProbation.Domain.Rar;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

/// <summary>What an officer writing a pre-sentence proposal sends: the OGRS score, whether the offence is sexual, and optionally the days they propose and why.</summary>
public sealed record RarProposalRequest(int? OgrsPercent, bool? SexualOffence, int? ProposedDays, string? Reason);

/// <summary>One band of the RAR proposal guideline, with its words.</summary>
public sealed record RarGuidelineBandDto(int FromPercent, int ToPercent, decimal AverageNeeds, RarIntensity Intensity, int? MinimumDays, int? MaximumDays, string Words);

/// <summary>
/// The guideline for a proposal: the band (empty for a sexual offence, which OGRS does not predict), its intensity and
/// days, whether the proposal must carry a reason, and, when days were proposed, whether they are within the band.
/// </summary>
public sealed record RarProposalDto(
    int? OgrsPercent, bool SexualOffence, RarGuidelineBandDto? Band, RarIntensity? Intensity, int? MinimumDays, int? MaximumDays, bool NeedsReason,
    string Words, int? ProposedDays, bool? WithinGuideline, string? Reason);

/// <summary>The whole guideline table, and what it says of sexual offences.</summary>
public sealed record RarGuidelineDto(IReadOnlyList<RarGuidelineBandDto> Bands, string SexualOffences, int MinimumReasonLength, int MostDaysProposed);

/// <summary>
/// The RAR proposal helper (PRACTICE.md section 2, the MoJ RAR guidance): the rules are
/// <see cref="RarProposal"/>; the page and <c>POST /api/v1/rar-proposals</c> check the same way. Nothing is stored.
/// </summary>
public static class RarProposalApi
{
    /// <summary>The longest reason the helper takes; it goes into a report, not the record.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The most days a proposal may name (<see cref="RarProposal.Check"/>).</summary>
    public const int MostDays = 60;

    public const string SexualOffenceWords =
        "OGRS does not predict sexual reoffending: for a sexual offence the proposal rests on other factors, and the reason for the days proposed is recorded.";

    public static void MapRarProposals(this RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/rar-proposals").WithTags("RAR");
        proposals.MapPost("/", Propose).Produces<RarProposalDto>().ProducesValidationProblem().RequireAuthorization(Policies.ReadCases)
            .WithSummary("The RAR guideline for an OGRS score and offence (band, intensity, days, whether a reason is needed), checking any days proposed and their reason; nothing is stored");
        proposals.MapGet("/guideline", Guideline).Produces<RarGuidelineDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("The RAR proposal guideline: guideline days by OGRS band, and the rule for sexual offences");
    }

    /// <summary>
    /// Checks a proposal. OGRS (0–100) is needed unless the offence is sexual; the days and reason are checked by
    /// <see cref="RarProposal.Check"/> once days (or a reason) are given, with the days reported as <c>proposedDays</c>.
    /// </summary>
    public static (RarGuideline? Guideline, ValidationErrors Errors) Check(int? ogrsPercent, bool? sexualOffence, int? proposedDays, string? reason)
    {
        var errors = new ValidationErrors();
        if (sexualOffence is null)
        {
            errors.Add("sexualOffence", "Say whether the offence is a sexual offence");
        }

        if (ogrsPercent is null)
        {
            if (sexualOffence != true)
            {
                errors.Add("ogrsPercent", "Enter the OGRS score, from 0 to 100");
            }
        }
        else if (ogrsPercent is < 0 or > 100)
        {
            errors.Add("ogrsPercent", "The OGRS score must be from 0 to 100");
        }

        errors.MaxLength("reason", reason, MaxReasonLength, "the reason");
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var guideline = RarProposal.For(ogrsPercent ?? 0, sexualOffence!.Value);
        if (proposedDays is not null || !string.IsNullOrWhiteSpace(reason))
        {
            errors.Merge(RarProposal.Check(guideline, proposedDays, reason).Renamed(f => f == "days" ? "proposedDays" : f));
        }

        return (guideline, errors);
    }

    /// <summary>True or false when days are proposed against a band with guideline days; empty otherwise.</summary>
    public static bool? WithinGuideline(RarGuideline guideline, int? days)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        return days is { } d && guideline.Band is { MinimumDays: { } min, MaximumDays: { } max } ? d >= min && d <= max : null;
    }

    /// <summary>A band in words: "25–49%: low intensity, 1 to 15 days".</summary>
    public static string Describe(RarGuidelineBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        var range = band.ToPercent >= 100 ? $"Over {band.FromPercent - 1}%" : $"{band.FromPercent}–{band.ToPercent}%";
        return band is { MinimumDays: { } min, MaximumDays: { } max }
            ? $"{range}: {RarProposal.Describe(band.Intensity)} intensity, {min} to {max} days"
            : $"{range}: a RAR only in exceptional circumstances, with the reason recorded";
    }

    public static RarGuidelineBandDto ToDto(RarGuidelineBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return new(band.FromPercent, band.ToPercent, band.AverageNeeds, band.Intensity, band.MinimumDays, band.MaximumDays, Describe(band));
    }

    private static IResult Propose(RarProposalRequest request)
    {
        var (guideline, errors) = Check(request.OgrsPercent, request.SexualOffence, request.ProposedDays, request.Reason);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var band = guideline!.Band;
        return TypedResults.Ok(new RarProposalDto(
            request.OgrsPercent, request.SexualOffence!.Value, band is null ? null : ToDto(band), band?.Intensity, band?.MinimumDays, band?.MaximumDays,
            guideline.NeedsReason, guideline.Words, request.ProposedDays, WithinGuideline(guideline, request.ProposedDays),
            string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim()));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<RarGuidelineDto> Guideline() =>
        TypedResults.Ok(new RarGuidelineDto([.. RarProposal.Bands.Select(ToDto)], SexualOffenceWords, RarProposal.MinimumReasonLength, MostDays));
}
