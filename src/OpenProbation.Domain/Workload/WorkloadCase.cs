using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Workload;

/// <summary>The kind of case, as both workload models weigh it.</summary>
public enum WorkloadCaseType
{
    /// <summary>Community order or suspended sentence order.</summary>
    Community = 1,

    /// <summary>Licence or post-sentence supervision after release.</summary>
    Licence,

    /// <summary>Custody before release, held by the community offender manager.</summary>
    Custody,
}

/// <summary>Kinds of report an officer writes, each counted by both models while due.</summary>
public enum WorkloadReportType
{
    /// <summary>Pre-sentence report for the court.</summary>
    PreSentenceReport = 1,

    /// <summary>Report for the Parole Board.</summary>
    ParoleReport,
}

/// <summary>Maps orders to workload case types.</summary>
public static class WorkloadCaseTypes
{
    /// <summary>Community and suspended sentence orders are community cases; licences and post-sentence supervision are licence cases.</summary>
    public static WorkloadCaseType Of(OrderType type) => type switch
    {
        OrderType.Licence or OrderType.PostSentenceSupervision => WorkloadCaseType.Licence,
        OrderType.Custody => WorkloadCaseType.Custody,
        _ => WorkloadCaseType.Community,
    };

    /// <summary>When a person has several live orders the officer holds, the most demanding kind counts: licence, then community, then custody.</summary>
    public static WorkloadCaseType MostDemanding(IEnumerable<WorkloadCaseType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var list = types.ToList();
        return list.Contains(WorkloadCaseType.Licence) ? WorkloadCaseType.Licence
            : list.Contains(WorkloadCaseType.Community) ? WorkloadCaseType.Community
            : list.Count > 0 ? WorkloadCaseType.Custody
            : throw new ArgumentException("A case needs at least one order.", nameof(types));
    }
}

/// <summary>
/// One case on an officer's caseload, as both workload models see it: one person, counted once however many of their
/// orders the officer holds (the most demanding kind counts).
/// </summary>
/// <param name="Crn">The person's case reference, for the working.</param>
/// <param name="Type">Community, licence or custody.</param>
/// <param name="Tier">The current tier, e.g. <c>B2</c> or <c>RED</c>; empty while untiered.</param>
/// <param name="Standard">The contact standard the tier takes; empty for custody (no community contact before release).</param>
/// <param name="AssessmentLayer">The layer of assessment the case is kept on (its latest assessment); empty when never assessed.</param>
/// <param name="IsWarrant">A warrant is out and the person's whereabouts are unknown: the case needs little work until found.</param>
/// <param name="IsUnpaidWorkOnly">The only requirement is unpaid work, delivered by the unpaid-work team.</param>
/// <param name="InBreach">Breach or recall proceedings are under way.</param>
/// <param name="RarRequirements">Rehabilitation activity requirements the officer delivers.</param>
public sealed record WorkloadCase(
    string Crn,
    WorkloadCaseType Type,
    string? Tier,
    ContactStandard? Standard,
    AssessmentLayer? AssessmentLayer,
    bool IsWarrant = false,
    bool IsUnpaidWorkOnly = false,
    bool InBreach = false,
    int RarRequirements = 0);

/// <summary>A report due from the officer.</summary>
/// <param name="Type">Its kind.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Reference">The case it is for, for the working.</param>
public sealed record WorkloadReport(WorkloadReportType Type, DateOnly Due, string Reference);
