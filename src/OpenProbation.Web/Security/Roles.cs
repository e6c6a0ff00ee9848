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

    /// <summary>Read a case's audit history (who saw and changed what): managers and administrators.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>
    /// Produce a person's subject-access export (everything held on them): system administrators only, who answer
    /// subject access requests. Case-level access still applies.
    /// </summary>
    public const string ExportSubjectAccess = "export-subject-access";

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
