using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Features.Users;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Demo;

/// <summary>What to generate.</summary>
/// <param name="People">How many people on probation; null for the scenario's size.</param>
/// <param name="Seed">The same seed (and the same today) gives the same data.</param>
/// <param name="Scenario">A name from <see cref="DemoScenarios"/>.</param>
/// <param name="Password">Password of the demo users.</param>
public sealed record DemoOptions(int? People = null, int Seed = 2018, string Scenario = DemoScenarios.Default, string Password = DemoGenerator.DefaultPassword);

/// <summary>A step of the work, for a progress bar.</summary>
public sealed record DemoProgress(string Stage, int Done, int Total);

/// <summary>What was made.</summary>
public sealed record DemoSummary(
    string Scenario, int People, int Staff, int CaseHolders, int Teams, int Orders, int Requirements, int Markers, int Absences,
    int Unallocated, TimeSpan Elapsed)
{
    /// <summary>The restricted cases and exclusions (docs/demo-data.md), in the order they were made.</summary>
    public IReadOnlyList<DemoAccessCase> AccessCases { get; init; } = [];
}

/// <summary>A demo case with restricted access or an exclusion, for trying and testing case-level access.</summary>
/// <param name="Crn">The person's CRN.</param>
/// <param name="Restricted">Only the allow-list may see the case.</param>
/// <param name="Allowed">User names on the allow-list.</param>
/// <param name="Excluded">User names excluded.</param>
/// <param name="Reason">Why.</param>
public sealed record DemoAccessCase(string Crn, bool Restricted, IReadOnlyList<string> Allowed, IReadOnlyList<string> Excluded, string Reason)
{
    /// <summary>One line for the demo command's output, e.g. "X123456 restricted (staff member); allowed demo-spo, demo-po".</summary>
    public override string ToString() =>
        $"{Crn} {(Restricted ? "restricted" : "not restricted")} ({Reason})"
        + (Allowed.Count > 0 ? $"; allowed {string.Join(", ", Allowed)}" : "")
        + (Excluded.Count > 0 ? $"; excluded {string.Join(", ", Excluded)}" : "");
}

/// <summary>
/// Generates a synthetic probation region: organisation, staff with absences, people with addresses, markers,
/// orders, requirements and responsible officers, in the proportions the sources describe (PRACTICE.md).
/// Deterministic: everything is drawn from one seeded <see cref="Random"/> and dated from the given today.
/// </summary>
public sealed class DemoGenerator
{
    public const string DefaultPassword = "Demo-password-1";
    private const int BatchSize = 1000;

    /// <summary>The demo sign-in accounts, one per role: user name, role.</summary>
    public static readonly IReadOnlyList<(string UserName, string Role)> DemoUsers =
    [
        ("demo-po", Roles.ProbationOfficer),
        ("demo-pso", Roles.ProbationServiceOfficer),
        ("demo-trainee", Roles.TraineeProbationOfficer),
        ("demo-spo", Roles.SeniorProbationOfficer),
        ("demo-caseadmin", Roles.CaseAdministrator),
        ("demo-court", Roles.CourtOfficer),
        ("demo-provider", Roles.InterventionProvider),
        ("demo-analyst", Roles.PerformanceAnalyst),
        ("demo-admin", Roles.SystemAdministrator),
    ];

    private readonly Random _rng;

    // Risk data draws from its own sequence, so adding it left the people, orders and officers of each seed as they were.
    private readonly Random _riskRng;

    private int _assessments;

    private readonly int _seed;
    private readonly DemoScenario _scenario;
    private readonly int _people;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _crns = new(StringComparer.Ordinal);
    private readonly List<DemoAccessCase> _accessCases = [];
    private int _staffSequence;

    private DemoGenerator(DemoScenario scenario, int people, int seed, DateOnly today, DateTimeOffset now)
    {
        _scenario = scenario;
        _people = people;
        _rng = new Random(seed);
        _riskRng = new Random(seed + 1);
        _seed = seed;
        _today = today;
        _now = now;
    }

    /// <summary>Fills an empty database. Refuses one that already holds people or staff.</summary>
    public static async Task<DemoSummary> GenerateAsync(
        IServiceProvider services, DemoOptions options, TimeProvider clock, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var scenario = DemoScenarios.Find(options.Scenario)
            ?? throw new ArgumentException($"Unknown scenario '{options.Scenario}'. Known: {string.Join(", ", DemoScenarios.All.Select(s => s.Name))}");
        var people = options.People ?? scenario.DefaultPeople;
        if (people is < 1 or > 2_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "People must be between 1 and 2,000,000.");
        }

        var db = services.GetRequiredService<OpenProbationDbContext>();
        if (await db.People.AnyAsync(ct) || await db.Staff.AnyAsync(ct) || await db.Regions.AnyAsync(ct))
        {
            throw new InvalidOperationException("The database already holds data. Use an empty database for the demo (or demo --reset).");
        }

        // Record timestamps are the start of today, so a seed gives the same data all day long.
        var today = clock.Today();
        var generator = new DemoGenerator(scenario, people, options.Seed, today, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return await generator.RunAsync(services, db, options.Password, progress, ct);
    }

    /// <summary>Deletes every organisation, staff and case record (not sign-in accounts), for <c>demo --reset</c>.</summary>
    public static async Task ResetAsync(OpenProbationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Bulk deletes bypass SaveChanges: one summary event, in the same transaction, records what went.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["users unlinked from staff"] = await db.Users.Where(u => u.StaffMemberId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.StaffMemberId, (int?)null), ct),
            ["letters"] = await db.Letters.ExecuteDeleteAsync(ct),
            ["no suitable activity records"] = await db.NoSuitableActivities.ExecuteDeleteAsync(ct),
            ["failures to comply"] = await db.FailuresToComply.ExecuteDeleteAsync(ct),
            ["sentence plans"] = await db.SentencePlans.ExecuteDeleteAsync(ct),
            ["appointments"] = await db.Appointments.ExecuteDeleteAsync(ct),
            ["group session facilitators"] = await db.GroupSessionFacilitators.ExecuteDeleteAsync(ct),
            ["group sessions"] = await db.GroupSessions.ExecuteDeleteAsync(ct),
            ["rooms"] = await db.Rooms.ExecuteDeleteAsync(ct),
            ["locations"] = await db.Locations.ExecuteDeleteAsync(ct),
            ["tiers"] = await db.CaseTiers.ExecuteDeleteAsync(ct),
            ["assessments"] = await db.RiskAssessments.ExecuteDeleteAsync(ct),
            ["named assessments"] = await db.NamedAssessments.ExecuteDeleteAsync(ct),
            ["assignments"] = await db.Assignments.ExecuteDeleteAsync(ct),
            ["requirements"] = await db.Requirements.ExecuteDeleteAsync(ct),
            ["orders"] = await db.Orders.ExecuteDeleteAsync(ct),
            ["markers"] = await db.Markers.ExecuteDeleteAsync(ct),
            ["addresses"] = await db.Addresses.ExecuteDeleteAsync(ct),
            ["case access entries"] = await db.CaseAccessEntries.ExecuteDeleteAsync(ct),
            ["case restrictions"] = await db.CaseRestrictions.ExecuteDeleteAsync(ct),
            ["people"] = await db.People.ExecuteDeleteAsync(ct),
            ["absences"] = await db.Absences.ExecuteDeleteAsync(ct),
            ["staff"] = await db.Staff.ExecuteDeleteAsync(ct),
            ["teams"] = await db.Teams.ExecuteDeleteAsync(ct),
            ["delivery units"] = await db.DeliveryUnits.ExecuteDeleteAsync(ct),
            ["regions"] = await db.Regions.ExecuteDeleteAsync(ct),
        };
        AuditTrail.RecordBulkLoad(db, "demo reset", counts);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private sealed record Slot(StaffMember Officer);

    private async Task<DemoSummary> RunAsync(
        IServiceProvider services, OpenProbationDbContext db, string password, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Thousands of generated rows: one summary audit event instead of one per row (the demo users are audited as usual).
        using var rowAudit = db.SuspendRowAudit();

        progress?.Report(new DemoProgress("Organisation and staff", 0, 1));
        var (teams, caseHolders, targets, absences) = BuildOrganisation();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report(new DemoProgress("Organisation and staff", 1, 1));

        // Officers' caseload targets become slots; higher-risk cases go to probation officers first (PRACTICE.md section 1).
        var poSlots = new Queue<Slot>(Shuffle(caseHolders.Where(o => o.Grade == StaffGrade.ProbationOfficer)
            .SelectMany(o => Enumerable.Repeat(new Slot(o), targets[o])).ToList()));
        var otherSlots = new Queue<Slot>(Shuffle(caseHolders.Where(o => o.Grade != StaffGrade.ProbationOfficer)
            .SelectMany(o => Enumerable.Repeat(new Slot(o), targets[o])).ToList()));
        var byTeam = caseHolders.GroupBy(o => o.TeamId).ToDictionary(g => g.Key, g => g.ToArray());
        var unitOfTeam = teams.ToDictionary(t => t.Team.Id, t => _scenario.Units[t.UnitIndex]);
        var queuesOfUnit = teams.Where(t => !t.Team.Code.EndsWith("-CRT", StringComparison.Ordinal))
            .GroupBy(t => t.UnitIndex).ToDictionary(g => _scenario.Units[g.Key], g => g.Select(t => t.Team.Id).ToArray());

        int orders = 0, requirements = 0, markers = 0, unallocated = 0;
        for (var done = 0; done < _people; done += BatchSize)
        {
            var count = Math.Min(BatchSize, _people - done);
            for (var i = 0; i < count; i++)
            {
                var person = NewPerson();
                var riskier = AddMarkers(person);
                var slot = riskier ? (poSlots.Count > 0 ? poSlots.Dequeue() : otherSlots.Count > 0 ? otherSlots.Dequeue() : null)
                                   : (otherSlots.Count > 0 ? otherSlots.Dequeue() : poSlots.Count > 0 ? poSlots.Dequeue() : null);
                var unit = slot is null ? _scenario.Units[_rng.Next(_scenario.Units.Length)] : unitOfTeam[slot.Officer.TeamId];
                AddAddresses(person, unit);
                var officer = slot?.Officer;
                AddOrders(person, unit, officer, officer is null ? [] : byTeam[officer.TeamId], caseHolders);
                AddCaseAccess(person, done + i);
                if (officer is null)
                {
                    unallocated++;

                    // Waiting in one of the unit's teams' allocation queues (chosen without the random sequence, so seeds give the same people).
                    if (queuesOfUnit.TryGetValue(unit, out var queues))
                    {
                        foreach (var live in person.Orders.Where(o => o.IsLive && o.Assignments.Count == 0))
                        {
                            live.AllocationTeamId = queues[(done + i) % queues.Length];
                        }
                    }
                }

                AddRisk(person, db);
                markers += person.Markers.Count;
                orders += person.Orders.Count;
                requirements += person.Orders.Sum(o => o.Requirements.Count);
                db.People.Add(person);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(new DemoProgress("People on probation", done + count, _people));
        }

        // Tiers are calculated from the generated record, exactly as for real cases: never typed in.
        var policies = services.GetRequiredService<TieringPolicies>();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var tiered = 0;
        var ids = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            await CaseTiers.RecalculateAsync(db, policies, chunk, "demo data", _today, _now, ct);
            db.ChangeTracker.Clear();
            tiered += chunk.Length;
            progress?.Report(new DemoProgress("Tiers", tiered, ids.Count));
        }

        // The generated history is a year long, so each tier has stood since its case's current supervision began, as if
        // calculated then; otherwise every past contact would be judged as for an untiered case.
        await db.CaseTiers.Where(t => t.Status == CaseTierStatus.Current && t.AppliedOn != null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(
                    t => t.AppliedOn,
                    t => db.Orders.Where(o => o.PersonId == t.PersonId && o.StartDate <= _today && o.Type != OrderType.Custody
                            && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached))
                        .Max(o => (DateOnly?)o.StartDate) ?? t.AppliedOn),
                ct);

        // A year of contacts and the next month's appointments, at about each case's contact standard.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var contacts = new DemoContacts(db, services.GetRequiredService<ContactPolicies>(), new Random(_seed + 2), _today, _now);
        await contacts.AddOfficesAsync(ct);
        var withContacts = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            await contacts.AddForAsync(chunk, ct);
            db.ChangeTracker.Clear();
            withContacts += chunk.Length;
            progress?.Report(new DemoProgress("Contacts and appointments", withContacts, ids.Count));
        }

        rowAudit.Dispose(); // resumes capture early; disposing again at the end does nothing
        AuditTrail.RecordBulkLoad(db, "demo", new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["people"] = _people,
            ["orders"] = orders,
            ["requirements"] = requirements,
            ["markers"] = markers,
            ["staff"] = _staffSequence,
            ["teams"] = teams.Count,
            ["absences"] = absences,
            ["restricted or excluded cases"] = _accessCases.Count,
            ["assessments"] = _assessments,
            ["tiers"] = tiered,
            ["appointments and contacts"] = contacts.Appointments,
            ["offices"] = contacts.Locations,
        });
        await db.SaveChangesAsync(ct);

        progress?.Report(new DemoProgress("Demo users", 0, DemoUsers.Count));
        await CreateUsersAsync(services, db, password, caseHolders, ct);
        progress?.Report(new DemoProgress("Demo users", DemoUsers.Count, DemoUsers.Count));

        var staffCount = await db.Staff.CountAsync(ct);
        return new DemoSummary(_scenario.Name, _people, staffCount, caseHolders.Count, teams.Count, orders, requirements, markers, absences,
            unallocated, watch.Elapsed) { AccessCases = _accessCases };

        (List<(Team Team, int UnitIndex)> Teams, List<StaffMember> CaseHolders, Dictionary<StaffMember, int> Targets, int Absences) BuildOrganisation()
        {
            var region = new Region { Code = _scenario.RegionCode, Name = _scenario.RegionName };
            db.Regions.Add(region);
            var units = _scenario.Units.Select(u =>
            {
                var unit = new DeliveryUnit { Code = u.Code, Name = u.Name, Region = region };
                db.DeliveryUnits.Add(unit);
                return unit;
            }).ToArray();

            var holders = new List<StaffMember>();
            var targetByOfficer = new Dictionary<StaffMember, int>();
            var teamRows = new List<(Team Team, int UnitIndex)>();
            var absenceCount = 0;

            // A court team per unit.
            for (var u = 0; u < units.Length; u++)
            {
                var court = new Team { Code = $"{units[u].Code}-CRT", Name = $"{units[u].Name} Court Team", DeliveryUnit = units[u] };
                db.Teams.Add(court);
                teamRows.Add((court, u));
                AddStaff(court, StaffGrade.SeniorProbationOfficer);
                for (var c = 0; c < 3; c++)
                {
                    AddStaff(court, StaffGrade.CourtOfficer);
                }
            }

            // Offender-management teams until the officers' caseload targets cover ~99% of people (the rest await allocation).
            var needed = (int)Math.Ceiling(_people * 0.99);
            var capacity = 0;
            var teamNumber = new int[units.Length];
            var unitIndex = 0;
            while (capacity < needed)
            {
                var u = unitIndex++ % units.Length;
                teamNumber[u]++;
                var team = new Team
                {
                    Code = $"{units[u].Code}-OM{teamNumber[u]}",
                    Name = $"{units[u].Name} Offender Management {teamNumber[u]}",
                    DeliveryUnit = units[u],
                };
                db.Teams.Add(team);
                teamRows.Add((team, u));
                AddStaff(team, StaffGrade.SeniorProbationOfficer);
                AddStaff(team, StaffGrade.CaseAdministrator);
                var size = 8 + _rng.Next(5);
                var vacant = (int)Math.Round(size * _scenario.VacantShare, MidpointRounding.AwayFromZero);
                var filled = 0m;
                for (var s = 0; s < size - vacant && capacity < needed; s++)
                {
                    var roll = _rng.NextDouble();
                    var grade = roll < 0.45 ? StaffGrade.ProbationOfficer : roll < 0.9 ? StaffGrade.ProbationServiceOfficer : StaffGrade.TraineeProbationOfficer;
                    var officer = AddStaff(team, grade);
                    filled += officer.ContractedHours / StaffMember.FullTimeHours;
                    var profile = grade switch
                    {
                        StaffGrade.ProbationOfficer => _scenario.Caseloads.ProbationOfficer,
                        StaffGrade.ProbationServiceOfficer => _scenario.Caseloads.ProbationServiceOfficer,
                        _ => _scenario.Caseloads.Trainee,
                    };
                    var target = Math.Min(Triangular(profile.Min, profile.Mode, profile.Max), needed - capacity);
                    targetByOfficer[officer] = target;
                    capacity += target;
                    holders.Add(officer);
                }

                // The establishment: the posts filled (as FTE, so part-time hours are not shown as a vacancy) and those left vacant.
                team.CaseHoldingPosts = decimal.Round(filled, 2) + vacant;
            }

            return (teamRows, holders, targetByOfficer, absenceCount);

            StaffMember AddStaff(Team team, StaffGrade grade)
            {
                var male = _rng.NextDouble() < 0.35;
                var first = Pick(male ? DemoNames.MaleFirst : DemoNames.FemaleFirst);
                var last = Pick(DemoNames.Last);
                var sequence = ++_staffSequence;
                var hoursRoll = _rng.NextDouble();
                var member = new StaffMember
                {
                    Team = team,
                    StaffCode = string.Create(CultureInfo.InvariantCulture, $"{_scenario.RegionCode}{sequence:D4}"),
                    FirstName = first,
                    LastName = last,
                    Email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{sequence}@probation.example").ToLowerInvariant(),
                    Grade = grade,
                    ContractedHours = hoursRoll < 0.7 ? 37m : hoursRoll < 0.85 ? 30m : hoursRoll < 0.95 ? 22.5m : 18.5m,
                    StartDate = grade == StaffGrade.TraineeProbationOfficer
                        ? _today.AddDays(-_rng.Next(20, 540))
                        : _today.AddDays(-_rng.Next(60, 25 * 365)),
                    IsAgency = grade is StaffGrade.ProbationOfficer or StaffGrade.ProbationServiceOfficer && _rng.NextDouble() < 0.08,
                };
                // Children first: with change detection off, only what is in the graph when it is added gets saved.
                absenceCount += AddAbsences(member);
                db.Staff.Add(member);
                return member;
            }
        }
    }

    private int AddAbsences(StaffMember member)
    {
        var added = 0;
        void Add(AbsenceType type, DateOnly start, int days, string? notes)
        {
            member.Absences.Add(new StaffAbsence { Type = type, StartDate = start, EndDate = start.AddDays(days - 1), Notes = notes });
            added++;
        }

        // Annual leave booked across the last two months and the next three.
        var leave = _rng.Next(0, 3);
        for (var i = 0; i < leave; i++)
        {
            Add(AbsenceType.AnnualLeave, _today.AddDays(_rng.Next(-60, 90)), _rng.Next(3, 11), null);
        }

        var roll = _rng.NextDouble();
        if (roll < 0.02)
        {
            Add(AbsenceType.Sickness, _today.AddDays(-_rng.Next(30, 90)), _rng.Next(100, 180), "Long-term sickness");
        }
        else if (roll < 0.08)
        {
            Add(AbsenceType.Sickness, _today.AddDays(-_rng.Next(0, 20)), _rng.Next(1, 25), null);
        }

        if (_rng.NextDouble() < 0.15)
        {
            Add(AbsenceType.Training, _today.AddDays(_rng.Next(1, 60)), _rng.Next(1, 4), "OASys refresher");
        }

        return added;
    }

    private Person NewPerson()
    {
        var roll = _rng.NextDouble();
        var gender = roll < 0.85 ? Gender.Male : roll < 0.99 ? Gender.Female : roll < 0.995 ? Gender.Other : Gender.NotKnown;
        var first = Pick(gender == Gender.Female ? DemoNames.FemaleFirst : DemoNames.MaleFirst);
        var middle = _rng.NextDouble() < 0.4 ? Pick(gender == Gender.Female ? DemoNames.FemaleFirst : DemoNames.MaleFirst) : null;
        var last = Pick(DemoNames.Last);
        var age = Math.Min(18 + _rng.Next(0, 28) + _rng.Next(0, 28), 85);
        var person = new Person
        {
            Crn = NewCrn(),
            FirstName = first,
            MiddleNames = middle,
            LastName = last,
            DateOfBirth = _today.AddYears(-age).AddDays(-_rng.Next(0, 365)),
            Gender = gender,
            // Ofcom's drama range: numbers that are never allocated to real phones.
            Phone = _rng.NextDouble() < 0.75 ? string.Create(CultureInfo.InvariantCulture, $"07700 900{_rng.Next(0, 1000):D3}") : null,
            Email = _rng.NextDouble() < 0.3 ? string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{_rng.Next(1, 99)}@example.com").ToLowerInvariant() : null,
            CreatedAt = _now,
        };
        person.SearchName = Person.SearchKey(person.FirstName, person.MiddleNames, person.LastName, person.PreferredName);
        return person;
    }

    /// <summary>
    /// Restricted cases and exclusions, chosen by the order people are made (not drawn from the random numbers, so
    /// the rest of the region is the same as without them). The first three show each rule to demo-po; then one
    /// person in 500 is restricted, about the 0.2% of cases that are staff members or in the public eye.
    /// </summary>
    private void AddCaseAccess(Person person, int index)
    {
        const string Po = "demo-po";
        const string Spo = "demo-spo";
        DemoAccessCase? access = index switch
        {
            7 => new(person.Crn, true, [Spo, Po], [], "Staff member: works in this region"),
            11 => new(person.Crn, true, [Spo, Po], [Po], "High-profile case; demo-po is excluded as a relative, which beats the allow-list"),
            13 => new(person.Crn, false, [], [Po], "Neighbour of demo-po"),
            _ when index % 500 == 499 => new(person.Crn, true, [Spo], [], index / 500 % 2 == 0 ? "Staff member" : "High-profile case"),
            _ => null,
        };
        if (access is null)
        {
            return;
        }

        _accessCases.Add(access);
        person.Restriction = new CaseRestriction { IsRestricted = access.Restricted, Reason = access.Reason, ChangedBy = "demo-admin", ChangedAt = _now };
        foreach (var (kind, names) in new[] { (CaseAccessKind.Allowed, access.Allowed), (CaseAccessKind.Excluded, access.Excluded) })
        {
            foreach (var name in names)
            {
                person.AccessEntries.Add(new CaseAccessEntry
                {
                    Kind = kind,
                    UserName = name,
                    NormalizedUserName = CaseAccessEntry.NormalizeUserName(name),
                    Reason = access.Reason,
                    AddedBy = "demo-admin",
                    AddedAt = _now,
                });
            }
        }
    }

    private string NewCrn()
    {
        while (true)
        {
            var crn = Crn.Generate(_rng).Value;
            if (_crns.Add(crn))
            {
                return crn;
            }
        }
    }

    /// <summary>Adds markers in the proportions of a typical caseload; true when the case needs a probation officer.</summary>
    /// <summary>
    /// Assessments and complexity factors for a person, from a separate random sequence so the people, orders and
    /// officers a seed gives stay the same. Markers set the likely risk: MAPPA and child protection cases are more
    /// often high ROSH. About one case in ten has no assessment yet, and one in eight has only an out-of-date layer 3.
    /// </summary>
    private void AddRisk(Person person, OpenProbationDbContext db)
    {
        var rng = _riskRng;
        var since = _today.AddDays(-rng.Next(30, 1500));
        void Factor(MarkerType type, double chance)
        {
            if (rng.NextDouble() < chance)
            {
                person.Markers.Add(new Marker { Type = type, StartDate = since.AddDays(rng.Next(0, 30)), AddedBy = "demo-po", AddedAt = _now });
            }
        }

        Factor(MarkerType.MentalHealth, 0.30);
        Factor(MarkerType.SelfHarm, 0.10);
        Factor(MarkerType.Vulnerability, 0.08);
        Factor(MarkerType.ChildConcerns, 0.07);
        Factor(MarkerType.RiskToChildren, 0.03);
        Factor(MarkerType.StreetGangs, 0.03);
        Factor(MarkerType.PublicInterest, 0.005);
        Factor(MarkerType.Terrorism, 0.002);
        Factor(MarkerType.IntegratedOffenderManagement, 0.06);

        if (rng.NextDouble() < 0.10)
        {
            return;
        }

        var mappa = person.Markers.Any(m => m.Type == MarkerType.Mappa);
        var protective = person.Markers.Any(m => m.Type is MarkerType.ChildProtection or MarkerType.DomesticAbuse);
        var roll = rng.NextDouble();
        var rosh = mappa ? (roll < 0.5 ? RoshLevel.High : roll < 0.9 ? RoshLevel.Medium : RoshLevel.VeryHigh)
            : protective ? (roll < 0.25 ? RoshLevel.High : roll < 0.9 ? RoshLevel.Medium : RoshLevel.Low)
            : (roll < 0.12 ? RoshLevel.High : roll < 0.55 ? RoshLevel.Medium : roll < 0.995 ? RoshLevel.Low : RoshLevel.VeryHigh);
        var ogrs = Math.Clamp(Triangular(5, 48, 97, rng), 0, 99);
        var rsr = Math.Round((decimal)(rng.NextDouble() * rng.NextDouble() * (rosh >= RoshLevel.High ? 12 : 7)), 2);
        var layer3 = rng.NextDouble() < 0.75;
        var stale = rng.NextDouble() < 0.12;
        var assessedOn = _today.AddDays(-(stale ? rng.Next(390, 700) : rng.Next(3, 300)));
        var needs = new Dictionary<NeedArea, NeedSeverity>();
        if (layer3)
        {
            foreach (var (area, chance) in DemoNeedChances)
            {
                var r = rng.NextDouble();
                if (r < chance)
                {
                    needs[area] = r < chance / 3 ? NeedSeverity.Severe : NeedSeverity.Standard;
                }
            }
        }

        // An earlier assessment for some, so the history shows change over time.
        if (rng.NextDouble() < 0.35)
        {
            var earlier = new RiskAssessment { Person = person, AssessedOn = assessedOn.AddDays(-rng.Next(120, 365)), AssessedBy = "demo-po", RecordedAt = _now };
            earlier.Apply(new RiskAssessmentDetails(earlier.AssessedOn, AssessmentLayer.Layer1, true, rosh == RoshLevel.Low ? RoshLevel.Medium : rosh,
                null, null, null, null, null, rsr, Math.Min(99, ogrs + rng.Next(0, 10)), null, null, null, "Layer 1 at the start of supervision"));
            db.RiskAssessments.Add(earlier);
            _assessments++;
        }

        var assessment = new RiskAssessment { Person = person, AssessedBy = "demo-po", RecordedAt = _now };
        assessment.Apply(new RiskAssessmentDetails(assessedOn, layer3 ? AssessmentLayer.Layer3 : AssessmentLayer.Layer1, !layer3 || rng.NextDouble() < 0.95,
            rosh, null, rosh, protective ? rosh : null, null, null, rsr, ogrs, layer3 ? needs : null,
            layer3 && person.Gender == Gender.Female && rng.NextDouble() < 0.5, layer3 && person.Gender == Gender.Female && rng.NextDouble() < 0.3, null));
        db.RiskAssessments.Add(assessment);
        _assessments++;

        if (person.Markers.Any(m => m.Type == MarkerType.DomesticAbuse) && rng.NextDouble() < 0.6)
        {
            var sara = new NamedAssessment { Person = person, AssessedBy = "demo-po", RecordedAt = _now };
            sara.Apply(new NamedAssessmentDetails(AssessmentTool.Sara, null, rosh >= RoshLevel.High ? RiskBand.High : RiskBand.Medium, assessedOn, null));
            db.NamedAssessments.Add(sara);
        }
    }

    /// <summary>How often each need is found in a layer 3 (a third of those are severe).</summary>
    private static readonly (NeedArea Area, double Chance)[] DemoNeedChances =
    [
        (NeedArea.Accommodation, 0.30), (NeedArea.EducationTrainingEmployment, 0.45), (NeedArea.Relationships, 0.40), (NeedArea.Lifestyle, 0.50),
        (NeedArea.DrugMisuse, 0.35), (NeedArea.AlcoholMisuse, 0.30), (NeedArea.ThinkingAndBehaviour, 0.65), (NeedArea.Attitudes, 0.45),
        (NeedArea.Finance, 0.35), (NeedArea.EmotionalWellbeing, 0.40),
    ];

    private bool AddMarkers(Person person)
    {
        var since = _today.AddDays(-_rng.Next(30, 1500));
        void Add(MarkerType type, int? level = null, int? category = null, string? description = null) =>
            person.Markers.Add(new Marker
            {
                Type = type,
                MappaLevel = level,
                MappaCategory = category,
                Description = description,
                StartDate = since.AddDays(_rng.Next(0, 30)),
                AddedBy = "demo-court",
                AddedAt = _now,
            });

        var riskier = false;
        if (_rng.NextDouble() < 0.30)
        {
            Add(MarkerType.DomesticAbuse);
            riskier = true;
        }

        if (_rng.NextDouble() < 0.12)
        {
            Add(MarkerType.ChildProtection);
            riskier = true;
        }

        if (_rng.NextDouble() < 0.04)
        {
            var level = _rng.NextDouble() switch { < 0.85 => 1, < 0.98 => 2, _ => 3 };
            var category = _rng.NextDouble() switch { < 0.55 => 1, < 0.95 => 2, _ => 3 };
            Add(MarkerType.Mappa, level, category);
            riskier = true;
        }

        if (_rng.NextDouble() < 0.08)
        {
            Add(MarkerType.Safeguarding, description: "Adult at risk: vulnerable to exploitation");
        }

        if (_rng.NextDouble() < 0.03)
        {
            Add(MarkerType.Other, description: Pick(DemoNames.OtherMarkers));
        }

        return riskier;
    }

    private void AddAddresses(Person person, DemoUnit unit)
    {
        var moves = _rng.Next(0, 3);
        var start = person.DateOfBirth.AddYears(18).AddDays(_rng.Next(0, 3000));
        if (start > _today.AddDays(-30))
        {
            start = _today.AddDays(-30);
        }

        for (var i = 0; i <= moves; i++)
        {
            var current = i == moves;
            var end = current ? (DateOnly?)null : start.AddDays(_rng.Next(90, 900));
            if (end is { } e && e >= _today.AddDays(-1))
            {
                end = null;
                current = true;
            }

            var roll = _rng.NextDouble();
            var type = !current ? AddressType.Home
                : roll < 0.85 ? AddressType.Home : roll < 0.9 ? AddressType.ApprovedPremises : roll < 0.97 ? AddressType.Temporary : AddressType.NoFixedAbode;
            person.Addresses.Add(new Address
            {
                Type = type,
                Line1 = type == AddressType.NoFixedAbode ? "No fixed abode" : string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(1, 240)} {Pick(DemoNames.Streets)} {Pick(DemoNames.StreetKinds)}"),
                Town = Pick(unit.Towns),
                Postcode = type == AddressType.NoFixedAbode ? null : Postcode(unit),
                StartDate = start,
                EndDate = end,
            });
            if (current)
            {
                break;
            }

            start = end!.Value.AddDays(1);
        }
    }

    private string Postcode(DemoUnit unit)
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        var area = Pick(unit.PostcodeAreas);
        return string.Create(CultureInfo.InvariantCulture,
            $"{area}{_rng.Next(1, area.Length == 1 ? 99 : 30)} {_rng.Next(0, 10)}{letters[_rng.Next(letters.Length)]}{letters[_rng.Next(letters.Length)]}");
    }

    private void AddOrders(Person person, DemoUnit unit, StaffMember? officer, StaffMember[] teamOfficers, List<StaffMember> everyone)
    {
        var domestic = person.Markers.Any(m => m.Type == MarkerType.DomesticAbuse);
        var sexual = person.Markers.Any(m => m.Type == MarkerType.Mappa && m.MappaCategory == 1);

        // An earlier, finished order for a quarter of people.
        if (_rng.NextDouble() < 0.25)
        {
            var sentenced = _today.AddDays(-_rng.Next(900, 2500));
            var past = NewOrder(_rng.NextDouble() < 0.6 ? OrderType.CommunityOrder : OrderType.SuspendedSentenceOrder, sentenced, 12, unit, domestic, sexual);
            var roll = _rng.NextDouble();
            past.Status = roll < 0.7 ? OrderStatus.Completed : roll < 0.85 ? OrderStatus.Revoked : OrderStatus.Terminated;
            past.TerminationDate = past.Status == OrderStatus.Completed ? past.ExpectedEndDate : past.StartDate.AddDays(_rng.Next(60, 300));
            past.TerminationReason = past.Status switch
            {
                OrderStatus.Revoked => "Revoked on breach and resentenced",
                OrderStatus.Terminated => "Revoked early for good progress",
                _ => null,
            };
            foreach (var r in past.Requirements)
            {
                r.Status = past.Status == OrderStatus.Completed ? RequirementStatus.Completed : RequirementStatus.Terminated;
                r.StartDate ??= past.StartDate.AddDays(7);
                r.EndDate = past.TerminationDate;
                r.TerminationReason = r.Status == RequirementStatus.Terminated ? "Order ended" : null;
            }

            var previous = Pick(everyone);
            past.Assignments.Add(new Assignment
            {
                StaffMember = null,
                StaffMemberId = previous.Id,
                FromDate = Max(past.SentenceDate, previous.StartDate),
                ToDate = Max(past.TerminationDate.Value, Max(past.SentenceDate, previous.StartDate)),
                Reason = "Allocated after sentence",
                AssignedBy = "demo-spo",
                CreatedAt = _now,
            });
            person.Orders.Add(past);
        }

        // The live order: new cases awaiting allocation were sentenced in the last few days.
        var typeRoll = _rng.NextDouble();
        var type = typeRoll switch
        {
            < 0.42 => OrderType.CommunityOrder,
            < 0.67 => OrderType.SuspendedSentenceOrder,
            < 0.90 => OrderType.Licence,
            < 0.95 => OrderType.PostSentenceSupervision,
            _ => OrderType.Custody,
        };
        var months = type switch
        {
            OrderType.CommunityOrder => Pick([6, 12, 12, 18, 24, 24, 36]),
            OrderType.SuspendedSentenceOrder => Pick([12, 18, 24, 24]),
            OrderType.Licence => _rng.Next(3, 48),
            OrderType.PostSentenceSupervision => 12,
            _ => _rng.Next(6, 120),
        };
        var elapsed = officer is null ? _rng.Next(0, 3) : _rng.Next(0, Math.Max(1, (months * 30) - 10));
        var start = _today.AddDays(-elapsed);
        var sentenceDate = type is OrderType.Licence or OrderType.PostSentenceSupervision ? start.AddDays(-_rng.Next(60, 1500)) : start;
        if (type == OrderType.Custody)
        {
            sentenceDate = _today.AddDays(-_rng.Next(0, Math.Max(1, months * 15)));
            start = sentenceDate;
        }

        var order = NewOrder(type, sentenceDate, months, unit, domestic, sexual, start);
        if (_rng.NextDouble() < 0.03 && type != OrderType.Custody)
        {
            order.Status = OrderStatus.Breached;
        }

        if (officer is not null)
        {
            var from = Max(order.StartDate, officer.StartDate);
            if (_rng.NextDouble() < 0.15 && teamOfficers.Length > 1 && from < _today.AddDays(-30))
            {
                var earlier = teamOfficers[_rng.Next(teamOfficers.Length)];
                if (earlier.Id != officer.Id && earlier.StartDate <= order.StartDate)
                {
                    var handover = order.StartDate.AddDays(_rng.Next(14, Math.Max(15, _today.DayNumber - order.StartDate.DayNumber)));
                    if (handover > from && handover < _today)
                    {
                        order.Assignments.Add(NewAssignment(earlier, order.StartDate, handover, "Allocated after sentence"));
                        from = handover;
                    }
                }
            }

            order.Assignments.Add(NewAssignment(officer, from, null, order.Assignments.Count == 0 ? "Allocated after sentence" : "Transferred: caseload balancing"));
        }

        person.Orders.Add(order);
    }

    private Assignment NewAssignment(StaffMember officer, DateOnly from, DateOnly? to, string reason) => new()
    {
        StaffMemberId = officer.Id,
        FromDate = from,
        ToDate = to,
        Reason = reason,
        AssignedBy = "demo-spo",
        CreatedAt = _now,
    };

    private Order NewOrder(OrderType type, DateOnly sentenced, int months, DemoUnit unit, bool domestic, bool sexual, DateOnly? start = null)
    {
        var offence = sexual ? Pick(DemoNames.SexualOffences) : domestic && _rng.NextDouble() < 0.7 ? Pick(DemoNames.DomesticAbuseOffences) : Pick(DemoNames.Offences);
        var order = new Order
        {
            Type = type,
            Court = type is OrderType.Licence or OrderType.Custody or OrderType.PostSentenceSupervision ? unit.Courts[^1] : Pick(unit.Courts),
            Offence = offence,
            SentenceDate = sentenced,
            StartDate = start ?? sentenced,
            Length = months,
            LengthUnit = LengthUnit.Months,
            Status = OrderStatus.Active,
        };
        order.ExpectedEndDate = OrderRules.ExpectedEndDate(order.StartDate, months, LengthUnit.Months);
        if (OrderRules.CarriesRequirements(type))
        {
            AddRequirements(order, domestic, sexual);
        }

        return order;
    }

    private void AddRequirements(Order order, bool domestic, bool sexual)
    {
        var started = order.SentenceDate.AddDays(_rng.Next(3, 15));
        void Add(RequirementType type, Action<Requirement>? set = null)
        {
            var requirement = new Requirement { Type = type, Status = RequirementStatus.NotStarted };
            if (started <= _today)
            {
                requirement.Status = RequirementStatus.Active;
                requirement.StartDate = started;
            }

            set?.Invoke(requirement);
            order.Requirements.Add(requirement);
        }

        if (_rng.NextDouble() < 0.6)
        {
            Add(RequirementType.Rar, r => r.RarMaxDays = Pick([5, 10, 15, 15, 20, 20, 25, 30, 40, 60]));
        }

        if (_rng.NextDouble() < 0.4)
        {
            Add(RequirementType.UnpaidWork, r => r.UnpaidWorkHours = Pick([40, 60, 80, 100, 120, 150, 200, 250, 300]));
        }

        if (domestic && _rng.NextDouble() < 0.35)
        {
            Add(RequirementType.AccreditedProgramme, r => r.ProgrammeName = "Building Better Relationships");
        }
        else if (sexual && _rng.NextDouble() < 0.6)
        {
            Add(RequirementType.AccreditedProgramme, r => r.ProgrammeName = "Horizon");
        }
        else if (_rng.NextDouble() < 0.05)
        {
            Add(RequirementType.AccreditedProgramme, r => r.ProgrammeName = Pick(DemoNames.Programmes));
        }

        if (_rng.NextDouble() < 0.07)
        {
            Add(RequirementType.Drr, r => r.LengthMonths = Pick([6, 6, 9, 12]));
        }

        if (_rng.NextDouble() < 0.06)
        {
            Add(RequirementType.Atr, r => r.LengthMonths = Pick([3, 6, 6, 9]));
        }

        if (_rng.NextDouble() < 0.03)
        {
            Add(RequirementType.Mhtr, r => r.LengthMonths = Pick([6, 9, 12]));
        }

        if (_rng.NextDouble() < 0.12)
        {
            Add(RequirementType.Curfew, r =>
            {
                r.LengthMonths = Pick([1, 2, 3, 4, 6]);
                r.Description = "19:00 to 07:00 daily, electronically monitored";
            });
        }

        if (_rng.NextDouble() < 0.03)
        {
            Add(RequirementType.Exclusion, r =>
            {
                r.LengthMonths = Pick([3, 6, 12]);
                r.Description = domestic ? "Not to enter the street where the victim lives" : "Not to enter the city centre retail zone";
            });
        }

        // A community sentence must carry at least one requirement.
        if (order.Requirements.Count == 0)
        {
            Add(RequirementType.Rar, r => r.RarMaxDays = Pick([10, 15, 20]));
        }
    }

    private static async Task CreateUsersAsync(IServiceProvider services, OpenProbationDbContext db, string password, List<StaffMember> caseHolders, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var firstTeam = caseHolders[0].TeamId;
        var staff = await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        StaffMember? Find(StaffGrade grade, int? teamId = null) =>
            staff.FirstOrDefault(s => s.Grade == grade && (teamId is null || s.TeamId == teamId))
            ?? staff.FirstOrDefault(s => s.Grade == grade);

        foreach (var (userName, role) in DemoUsers)
        {
            var member = role switch
            {
                Roles.ProbationOfficer => Find(StaffGrade.ProbationOfficer, firstTeam),
                Roles.ProbationServiceOfficer => Find(StaffGrade.ProbationServiceOfficer, firstTeam),
                Roles.TraineeProbationOfficer => Find(StaffGrade.TraineeProbationOfficer),
                Roles.SeniorProbationOfficer => Find(StaffGrade.SeniorProbationOfficer, firstTeam),
                Roles.CaseAdministrator => Find(StaffGrade.CaseAdministrator, firstTeam),
                Roles.CourtOfficer => Find(StaffGrade.CourtOfficer),
                _ => null,
            };
            var display = member?.FullName ?? userName switch
            {
                "demo-provider" => "Demo Intervention Provider",
                "demo-analyst" => "Demo Performance Analyst",
                _ => "Demo Administrator",
            };
            await UserAccounts.CreateOrUpdateAsync(users, roles, userName, display, role, password, member?.Id);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private List<T> Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    private int Triangular(int min, int mode, int max) => Triangular(min, mode, max, _rng);

    private static int Triangular(int min, int mode, int max, Random rng)
    {
        var u = rng.NextDouble();
        var c = (double)(mode - min) / (max - min);
        var x = u < c ? min + Math.Sqrt(u * (max - min) * (mode - min)) : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
        return (int)Math.Round(x);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
