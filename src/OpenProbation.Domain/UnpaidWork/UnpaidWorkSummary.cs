namespace OpenProbation.Domain.UnpaidWork;

/// <summary>The work done at one project over a period.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Sessions">Sessions at which someone was credited time.</param>
/// <param name="People">Different people credited time.</param>
/// <param name="MinutesCredited">Minutes credited, added up.</param>
public sealed record ProjectHours(int ProjectId, int Sessions, int People, long MinutesCredited)
{
    /// <summary>The minutes as hours.</summary>
    public decimal HoursCredited => MinutesCredited / 60m;
}

/// <summary>The work done at each project over a period, for making unpaid work transparent (Crest recommendation 9, PRACTICE.md section 2).</summary>
/// <param name="From">The first day counted.</param>
/// <param name="To">The last day counted.</param>
/// <param name="Projects">Each project with any time credited, most hours first.</param>
/// <param name="People">Different people credited time anywhere (one person at two projects counts once).</param>
public sealed record UnpaidWorkSummary(DateOnly From, DateOnly To, IReadOnlyList<ProjectHours> Projects, int People)
{
    /// <summary>Sessions at which someone was credited time, over all projects.</summary>
    public int Sessions => Projects.Sum(p => p.Sessions);

    /// <summary>Minutes credited, over all projects.</summary>
    public long MinutesCredited => Projects.Sum(p => p.MinutesCredited);
}

/// <summary>Hours ordered, credited and remaining over a set of requirements, e.g. a court's or a region's.</summary>
/// <param name="Requirements">Requirements counted.</param>
/// <param name="MinutesOrdered">The hours ordered, in minutes.</param>
/// <param name="MinutesCredited">Minutes credited towards them (never past each one's hours).</param>
/// <param name="MinutesRemaining">Minutes still to work.</param>
/// <param name="Complete">Requirements whose hours are worked.</param>
/// <param name="AtRisk">Requirements not complete and at risk of not finishing in time, the overdue ones included.</param>
/// <param name="Overdue">Requirements past their last day with hours still to work.</param>
public sealed record UnpaidWorkTotals(int Requirements, long MinutesOrdered, long MinutesCredited, long MinutesRemaining, int Complete, int AtRisk, int Overdue);

/// <summary>Summaries of unpaid work over many people, pure over what they are given: what the public and sentencers are told.</summary>
public static class UnpaidWorkSummaries
{
    /// <summary>
    /// The work done at each project on the days <paramref name="from"/> to <paramref name="to"/>, both included. Only
    /// attendances credited with time count; an attendance repeated in the input counts once.
    /// </summary>
    public static UnpaidWorkSummary ByProject(IEnumerable<CreditedSession> credits, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(credits);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts", nameof(to));
        }

        var counted = credits.Where(c => c.CreditedMinutes > 0 && c.Date >= from && c.Date <= to).Distinct().ToList();
        var projects = counted
            .GroupBy(c => c.ProjectId)
            .Select(g => new ProjectHours(
                g.Key,
                g.Select(c => c.SessionId).Distinct().Count(),
                g.Select(c => c.PersonId).Distinct().Count(),
                g.Sum(c => (long)c.CreditedMinutes)))
            .OrderByDescending(p => p.MinutesCredited)
            .ThenBy(p => p.ProjectId)
            .ToList();
        return new UnpaidWorkSummary(from, to, projects, counted.Select(c => c.PersonId).Distinct().Count());
    }

    /// <summary>Hours ordered, credited and remaining over the requirements given.</summary>
    public static UnpaidWorkTotals Totals(IEnumerable<UnpaidWorkProgress> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var list = requirements.ToList();
        return new UnpaidWorkTotals(
            list.Count,
            list.Sum(p => (long)p.MinutesOrdered),
            list.Sum(p => (long)p.MinutesCredited),
            list.Sum(p => (long)p.MinutesRemaining),
            list.Count(p => p.IsComplete),
            list.Count(p => p.IsAtRisk),
            list.Count(p => p.IsOverdue));
    }
}
