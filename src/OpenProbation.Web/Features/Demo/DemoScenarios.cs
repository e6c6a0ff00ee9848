namespace OpenProbation.Web.Features.Demo;

/// <summary>A delivery unit in a demo region, with the places its people live and the courts that sentence them.</summary>
public sealed record DemoUnit(string Code, string Name, string[] Towns, string[] PostcodeAreas, string[] Courts);

/// <summary>
/// Caseload targets drawn for officers, as a triangular distribution (minimum, most likely, maximum).
/// The defaults are the ranges inspectors found: PO 18–102, PSO 14–168 (PRACTICE.md section 4).
/// </summary>
public sealed record CaseloadProfile(
    (int Min, int Mode, int Max) ProbationOfficer,
    (int Min, int Mode, int Max) ProbationServiceOfficer,
    (int Min, int Mode, int Max) Trainee);

/// <summary>A named demo region; <paramref name="VacantShare"/> of each team's case-holding posts are left unfilled.</summary>
public sealed record DemoScenario(
    string Name, string Description, int DefaultPeople, string RegionCode, string RegionName, DemoUnit[] Units, CaseloadProfile Caseloads,
    double VacantShare = 0);

/// <summary>The scenarios <c>openprobation demo --scenario NAME</c> knows.</summary>
public static class DemoScenarios
{
    public const string Default = "staffordshire-west-midlands";

    private static readonly DemoUnit[] WestMidlands =
    [
        new("BHMNE", "Birmingham North and East", ["Erdington", "Sutton Coldfield", "Kingstanding", "Castle Vale"], ["B"], ["Birmingham Magistrates' Court", "Birmingham Crown Court"]),
        new("BHMCS", "Birmingham Central and South", ["Birmingham", "Selly Oak", "Northfield", "Kings Heath"], ["B"], ["Birmingham Magistrates' Court", "Birmingham Crown Court"]),
        new("BHMNW", "Birmingham North West", ["Handsworth", "Perry Barr", "Aston", "Ladywood"], ["B"], ["Birmingham Magistrates' Court", "Birmingham Crown Court"]),
        new("SOLIH", "Solihull", ["Solihull", "Chelmsley Wood", "Shirley"], ["B"], ["Birmingham Magistrates' Court", "Birmingham Crown Court"]),
        new("COVTY", "Coventry", ["Coventry", "Tile Hill", "Foleshill", "Bell Green"], ["CV"], ["Coventry Magistrates' Court", "Coventry Crown Court"]),
        new("WOLVS", "Wolverhampton", ["Wolverhampton", "Bilston", "Wednesfield"], ["WV"], ["Wolverhampton Magistrates' Court", "Wolverhampton Crown Court"]),
        new("WALSL", "Walsall", ["Walsall", "Bloxwich", "Willenhall", "Darlaston"], ["WS"], ["Walsall Magistrates' Court", "Wolverhampton Crown Court"]),
        new("DUDLY", "Dudley", ["Dudley", "Stourbridge", "Brierley Hill", "Halesowen"], ["DY", "B"], ["Dudley Magistrates' Court", "Wolverhampton Crown Court"]),
        new("SANDW", "Sandwell", ["West Bromwich", "Smethwick", "Oldbury", "Tipton"], ["B", "DY"], ["Sandwell Magistrates' Court", "Wolverhampton Crown Court"]),
        new("STOKE", "Stoke-on-Trent", ["Stoke-on-Trent", "Hanley", "Burslem", "Longton"], ["ST"], ["North Staffordshire Justice Centre", "Stoke-on-Trent Crown Court"]),
        new("STAFN", "North Staffordshire", ["Newcastle-under-Lyme", "Leek", "Stone", "Kidsgrove"], ["ST"], ["North Staffordshire Justice Centre", "Stafford Crown Court"]),
        new("STAFS", "South Staffordshire", ["Stafford", "Cannock", "Tamworth", "Burton upon Trent", "Lichfield"], ["ST", "WS", "B", "DE"], ["Cannock Magistrates' Court", "Stafford Crown Court"]),
    ];

    private static readonly CaseloadProfile Stretched = new((18, 55, 102), (14, 70, 168), (8, 14, 24));

    private static readonly CaseloadProfile Overloaded = new((50, 85, 102), (60, 120, 168), (12, 20, 30));

    // PRACTICE.md section 4: with posts cut, officers carried 80 to 100 cases and some PSOs 168.
    private static readonly CaseloadProfile Overstretched = new((80, 90, 100), (80, 95, 168), (20, 25, 30));

    // Caseloads the workload measure supports with every post filled.
    private static readonly CaseloadProfile Healthy = new((28, 36, 45), (32, 42, 50), (8, 12, 16));

    public static readonly IReadOnlyList<DemoScenario> All =
    [
        new(Default, "Staffordshire and West Midlands as inspected in 2018: about 13,500 people on probation, caseloads PO 18–102 and PSO 14–168.",
            13_500, "WMD", "Staffordshire and West Midlands", WestMidlands, Stretched),
        new("small", "One region with two delivery units and 1,200 people: quick to load, for trying things out.",
            1_200, "DEM", "Demo Region", [WestMidlands[4], WestMidlands[9]], Stretched),
        new("overloaded", "The West Midlands with too few officers: most caseloads above 80, as staff described (PRACTICE.md section 4).",
            13_500, "WMD", "Staffordshire and West Midlands", WestMidlands, Overloaded),
        new("overstretched", "The sources' picture: a third of case-holding posts cut and shown as vacancies, caseloads 80 to 100 with some PSOs at 168.",
            13_500, "WMD", "Staffordshire and West Midlands", WestMidlands, Overstretched, VacantShare: 1.0 / 3),
        new("healthy", "Every post filled and caseloads the workload measure supports: PO 28 to 45, PSO 32 to 50.",
            13_500, "WMD", "Staffordshire and West Midlands", WestMidlands, Healthy),
    ];

    public static DemoScenario? Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}
