namespace OpenProbation.Web.Security;

/// <summary>The roles staff and partners sign in with (PRACTICE.md section 1).</summary>
public static class Roles
{
    public const string ProbationOfficer = "probation-officer";
    public const string ProbationServiceOfficer = "probation-service-officer";
    public const string TraineeProbationOfficer = "trainee-probation-officer";
    public const string SeniorProbationOfficer = "senior-probation-officer";
    public const string CaseAdministrator = "case-administrator";
    public const string CourtOfficer = "court-officer";
    public const string InterventionProvider = "intervention-provider";
    public const string PerformanceAnalyst = "performance-analyst";
    public const string SystemAdministrator = "system-administrator";

    public static readonly IReadOnlyList<string> All =
    [
        ProbationOfficer, ProbationServiceOfficer, TraineeProbationOfficer, SeniorProbationOfficer,
        CaseAdministrator, CourtOfficer, InterventionProvider, PerformanceAnalyst, SystemAdministrator,
    ];
}

/// <summary>
/// Authorisation policies. Every endpoint names one; the fallback policy refuses anonymous callers so that a
/// forgotten policy never means open access.
/// </summary>
public static class Policies
{
    /// <summary>Read case records (people, orders, requirements): probation staff, not analysts or providers.</summary>
    public const string ReadCases = "read-cases";

    /// <summary>Create and edit case records.</summary>
    public const string EditCases = "edit-cases";

    /// <summary>Read the organisation: regions, units, teams, staff and absences.</summary>
    public const string ReadOrganisation = "read-organisation";

    /// <summary>Change the organisation and staff records: managers and administrators.</summary>
    public const string ManageOrganisation = "manage-organisation";

    /// <summary>Allocate cases to responsible officers: managers (and administrators for data fixes).</summary>
    public const string AllocateCases = "allocate-cases";

    /// <summary>
    /// Restrict cases and keep their allow-lists and exclusions: system administrators only. Managers ask for a
    /// restriction; they are case readers in the same offices as the staff a restriction keeps out, and a small,
    /// audited group holding the power keeps it honest. Managing a case's access does not let anyone read it.
    /// </summary>
    public const string ManageCaseAccess = "manage-case-access";

    /// <summary>Any signed-in user: the home page, their own account and API tokens.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Hold a caseload as responsible officer and see "My caseload".</summary>
    public const string HoldCaseload = "hold-caseload";

    /// <summary>See a team's staff and each officer's caseload: managers, and the administrators who work for the team's officers.</summary>
    public const string ReadTeamCaseloads = "read-team-caseloads";

    /// <summary>
    /// See any officer's, team's and delivery unit's workload figures: managers, administrators and performance analysts
    /// (PRACTICE.md section 1: oversight of workloads). Everyone who holds cases sees their own.
    /// </summary>
    public const string ReadWorkloads = "read-workloads";

    /// <summary>Record and end officers' workload reductions: managers and system administrators.</summary>
    public const string ManageReductions = "manage-reductions";

    /// <summary>
    /// Allocate a case despite a hard allocation rule (absence in the induction window, grade for the risk, capacity
    /// ceiling), with a recorded reason: managers only (PRACTICE.md section 7, line 3).
    /// </summary>
    public const string OverrideAllocationRules = "override-allocation-rules";

    /// <summary>Answer an officer's challenge to their workload figure ("this is wrong because…"): managers only.</summary>
    public const string AnswerWorkloadChallenges = "answer-workload-challenges";

    /// <summary>Record the outcome of a court hearing: a new or existing person, the order and its requirements.</summary>
    public const string EnterCourtOutcomes = "enter-court-outcomes";

    /// <summary>
    /// Read the court feedback report (Crest recommendation 8: sentencers told how their sentences turned out): court
    /// officers, who feed back to the courts, managers and administrators. Its counts leave out the cases the reader may
    /// not see, so it is for case readers.
    /// </summary>
    public const string ReadCourtFeedback = "read-court-feedback";

    /// <summary>Read a case's audit history: managers and administrators.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>Administration pages: user accounts and roles, teams, staff absences.</summary>
    public const string Administer = "administer";

    internal static readonly string[] CaseHolders =
    [
        Roles.ProbationOfficer, Roles.ProbationServiceOfficer, Roles.TraineeProbationOfficer, Roles.SeniorProbationOfficer,
    ];

    internal static readonly string[] TeamCaseloadReaders = [Roles.SeniorProbationOfficer, Roles.CaseAdministrator, Roles.SystemAdministrator];

    internal static readonly string[] WorkloadReaders = [.. TeamCaseloadReaders, Roles.PerformanceAnalyst];

    internal static readonly string[] CourtOutcomeEnterers = [Roles.CourtOfficer, Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    internal static readonly string[] CourtFeedbackReaders = [Roles.CourtOfficer, Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    internal static readonly string[] Administrators = [Roles.SystemAdministrator];

    /// <summary>
    /// Produce a person's subject-access export (everything held on them): system administrators only, who answer
    /// subject access requests. Case-level access still applies.
    /// </summary>
    public const string ExportSubjectAccess = "export-subject-access";

    /// <summary>Countersign risk decisions such as a tier downgrade: managers only (PRACTICE.md section 1).</summary>
    public const string CountersignRiskDecisions = "countersign-risk-decisions";

    internal static readonly string[] Countersigners = [Roles.SeniorProbationOfficer];

    internal static readonly string[] CaseReaders =
    [
        Roles.ProbationOfficer, Roles.ProbationServiceOfficer, Roles.TraineeProbationOfficer,
        Roles.SeniorProbationOfficer, Roles.CaseAdministrator, Roles.CourtOfficer, Roles.SystemAdministrator,
    ];

    internal static readonly string[] CaseEditors = CaseReaders;

    internal static readonly string[] OrganisationReaders =
    [
        .. CaseReaders, Roles.PerformanceAnalyst,
    ];

    internal static readonly string[] OrganisationManagers = [Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    internal static readonly string[] Allocators = [Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    internal static readonly string[] CaseAccessManagers = [Roles.SystemAdministrator];

    internal static readonly string[] AuditReaders = [Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    internal static readonly string[] SubjectAccessExporters = [Roles.SystemAdministrator];
}
