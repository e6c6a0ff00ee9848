using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.People;

/// <summary>
/// Case-level access (PRACTICE.md section 7 line 9: sensitive information is seen only by those who need it).
/// The table has a row for every combination of restricted, on the allow-list, excluded and role.
/// </summary>
public class CaseAccessRulesTests
{
    /// <summary>The kinds of viewer that matter: the roles that read cases, the administrators who also manage access, and the rest.</summary>
    public enum Role
    {
        /// <summary>Probation officer, PSO, trainee, SPO, case administrator, court officer.</summary>
        CaseReader = 1,

        /// <summary>System administrator: reads cases and manages who may see them.</summary>
        Administrator,

        /// <summary>Performance analyst, intervention provider.</summary>
        NoCaseRecords,
    }

    /// <summary>restricted, on the allow-list, excluded, role → sees the case, by which rule.</summary>
    public static TheoryData<bool, bool, bool, Role, bool, CaseAccessRule> SeeTable => new()
    {
        { false, false, false, Role.CaseReader, true, CaseAccessRule.NotRestricted },
        { false, false, false, Role.Administrator, true, CaseAccessRule.NotRestricted },
        { false, false, false, Role.NoCaseRecords, false, CaseAccessRule.RoleDoesNotReadCases },
        { false, true, false, Role.CaseReader, true, CaseAccessRule.NotRestricted },
        { false, true, false, Role.Administrator, true, CaseAccessRule.NotRestricted },
        { false, true, false, Role.NoCaseRecords, false, CaseAccessRule.RoleDoesNotReadCases },
        { false, false, true, Role.CaseReader, false, CaseAccessRule.Excluded },
        { false, false, true, Role.Administrator, false, CaseAccessRule.Excluded },
        { false, false, true, Role.NoCaseRecords, false, CaseAccessRule.Excluded },
        { false, true, true, Role.CaseReader, false, CaseAccessRule.Excluded },
        { false, true, true, Role.Administrator, false, CaseAccessRule.Excluded },
        { false, true, true, Role.NoCaseRecords, false, CaseAccessRule.Excluded },
        { true, false, false, Role.CaseReader, false, CaseAccessRule.RestrictedAndNotAllowed },
        { true, false, false, Role.Administrator, false, CaseAccessRule.RestrictedAndNotAllowed },
        { true, false, false, Role.NoCaseRecords, false, CaseAccessRule.RoleDoesNotReadCases },
        { true, true, false, Role.CaseReader, true, CaseAccessRule.RestrictedAndAllowed },
        { true, true, false, Role.Administrator, true, CaseAccessRule.RestrictedAndAllowed },
        { true, true, false, Role.NoCaseRecords, false, CaseAccessRule.RoleDoesNotReadCases },
        { true, false, true, Role.CaseReader, false, CaseAccessRule.Excluded },
        { true, false, true, Role.Administrator, false, CaseAccessRule.Excluded },
        { true, false, true, Role.NoCaseRecords, false, CaseAccessRule.Excluded },
        { true, true, true, Role.CaseReader, false, CaseAccessRule.Excluded },
        { true, true, true, Role.Administrator, false, CaseAccessRule.Excluded },
        { true, true, true, Role.NoCaseRecords, false, CaseAccessRule.Excluded },
    };

    /// <summary>excluded, role → may manage the case's access, by which rule.</summary>
    public static TheoryData<bool, Role, bool, CaseAccessRule> ManageTable => new()
    {
        { false, Role.CaseReader, false, CaseAccessRule.RoleDoesNotManageCaseAccess },
        { false, Role.Administrator, true, CaseAccessRule.ManagesCaseAccess },
        { false, Role.NoCaseRecords, false, CaseAccessRule.RoleDoesNotManageCaseAccess },
        { true, Role.CaseReader, false, CaseAccessRule.Excluded },
        { true, Role.Administrator, false, CaseAccessRule.Excluded },
        { true, Role.NoCaseRecords, false, CaseAccessRule.Excluded },
    };

    [Theory]
    [MemberData(nameof(SeeTable))]
    public void Section_7_line_9_who_sees_a_case(bool restricted, bool onAllowList, bool excluded, Role role, bool sees, CaseAccessRule rule)
    {
        var decision = CaseAccessRules.CanSee(Viewer(role, responsibleOfficer: false), new CaseAccessFacts(restricted, onAllowList, excluded));

        Assert.Equal(new CaseAccessDecision(sees, rule), decision);
    }

    /// <summary>The responsible-officer relationship never opens a case the table closes: an exclusion beats it, and so does a restriction.</summary>
    [Theory]
    [MemberData(nameof(SeeTable))]
    public void Being_the_responsible_officer_changes_no_row_of_the_table(bool restricted, bool onAllowList, bool excluded, Role role, bool sees, CaseAccessRule rule)
    {
        var decision = CaseAccessRules.CanSee(Viewer(role, responsibleOfficer: true), new CaseAccessFacts(restricted, onAllowList, excluded));

        Assert.Equal(new CaseAccessDecision(sees, rule), decision);
    }

    [Fact]
    public void The_table_has_every_combination_of_restricted_allowed_excluded_and_role_once()
    {
        var rows = SeeTable.Select(row => ((bool)row[0], (bool)row[1], (bool)row[2], (Role)row[3])).ToList();
        var all = from restricted in new[] { false, true }
                  from allowed in new[] { false, true }
                  from excluded in new[] { false, true }
                  from role in Enum.GetValues<Role>()
                  select (restricted, allowed, excluded, role);

        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(all.ToHashSet(), rows.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ManageTable))]
    public void Administrators_manage_who_sees_a_case_unless_excluded_from_it_restricted_or_not(bool excluded, Role role, bool manages, CaseAccessRule rule)
    {
        foreach (var restricted in new[] { false, true })
        {
            foreach (var allowed in new[] { false, true })
            {
                var decision = CaseAccessRules.CanManage(Viewer(role, responsibleOfficer: false), new CaseAccessFacts(restricted, allowed, excluded));
                Assert.Equal(new CaseAccessDecision(manages, rule), decision);
            }
        }
    }

    [Theory]
    [InlineData(false, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, true, false)]
    [InlineData(false, true, true, false)]
    [InlineData(true, false, false, false)]
    [InlineData(true, true, false, true)]
    [InlineData(true, false, true, false)]
    [InlineData(true, true, true, false)]
    public void An_officer_holds_only_a_case_they_can_open(bool restricted, bool anyAccountAllowed, bool anyAccountExcluded, bool valid)
    {
        var errors = CaseAccessRules.ValidateResponsibleOfficer("Sam Patel", restricted, anyAccountAllowed, anyAccountExcluded);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            // The same words for both lists: an allocator learns that access is restricted, not who is excluded.
            Assert.Equal("Sam Patel cannot hold this case: access to it is restricted. Ask a system administrator.", ErrorAssert.Single(errors, "staffMemberId"));
        }
    }

    [Theory]
    [InlineData("demo-po", "DEMO-PO")]
    [InlineData(" Demo-Po ", "DEMO-PO")]
    [InlineData("j.smith@example.org", "J.SMITH@EXAMPLE.ORG")]
    [InlineData("Zo\u00eb", "ZO\u00cb")]
    public void User_names_compare_as_sign_in_compares_them(string name, string normalized) =>
        Assert.Equal(normalized, CaseAccessEntry.NormalizeUserName(name));

    [Fact]
    public void A_user_name_that_is_not_valid_unicode_still_compares_rather_than_failing() =>
        Assert.Equal("BAD\ud800", CaseAccessEntry.NormalizeUserName("bad\ud800"));

    private static CaseViewer Viewer(Role role, bool responsibleOfficer) =>
        new(ReadsCases: role != Role.NoCaseRecords, ManagesCaseAccess: role == Role.Administrator, IsResponsibleOfficer: responsibleOfficer);
}

/// <summary>Changing who may see a case: the whole of it is sent, and every change is explained.</summary>
public class CaseAccessDetailsTests
{
    private const string Admin = "admin.one";

    private static readonly CaseAccessState _restricted = new(true, Set("DEMO-SPO"), Set("DEMO-PO"));

    [Fact]
    public void Restricting_a_case_needs_a_reason()
    {
        var request = new CaseAccessDetails(true, ["demo-spo"], [], null);

        Assert.Equal("Enter why the case is restricted", ErrorAssert.Single(request.Validate(CaseAccessState.Open, Admin), "reason"));
        ErrorAssert.Valid((request with { Reason = "Staff member" }).Validate(CaseAccessState.Open, Admin));
    }

    [Fact]
    public void Excluding_someone_needs_a_reason_even_when_the_case_is_not_restricted()
    {
        var request = new CaseAccessDetails(false, [], ["j.smith"], " ");

        Assert.Equal("Enter why the users are excluded", ErrorAssert.Single(request.Validate(CaseAccessState.Open, Admin), "reason"));
    }

    [Theory]
    [InlineData(false, new[] { "demo-spo" }, new[] { "demo-po" })]
    [InlineData(true, new[] { "demo-spo", "other" }, new[] { "demo-po" })]
    [InlineData(true, new string[0], new[] { "demo-po" })]
    [InlineData(true, new[] { "demo-spo" }, new string[0])]
    public void Any_other_change_needs_a_reason_too(bool restricted, string[] allowed, string[] excluded)
    {
        var request = new CaseAccessDetails(restricted, allowed, excluded, null);

        Assert.Equal("Enter the reason for the change", ErrorAssert.Single(request.Validate(_restricted, Admin), "reason"));
    }

    [Fact]
    public void Sending_the_case_s_access_unchanged_needs_no_reason_and_names_compare_in_any_case()
    {
        var request = new CaseAccessDetails(true, ["Demo-SPO", "demo-spo"], [" demo-po"], null);

        ErrorAssert.Valid(request.Validate(_restricted, Admin));
        Assert.Equal(Set("DEMO-SPO"), request.AllowedNames());
    }

    [Fact]
    public void Nobody_adds_themselves_to_an_allow_list_but_they_may_stay_on_one()
    {
        var adding = new CaseAccessDetails(true, ["demo-spo", "ADMIN.ONE"], ["demo-po"], "Covering the case");
        Assert.Equal("You cannot add yourself to the allow-list: another administrator must", ErrorAssert.Single(adding.Validate(_restricted, Admin), "allowedUsers"));

        var alreadyThere = _restricted with { Allowed = Set("DEMO-SPO", "ADMIN.ONE") };
        ErrorAssert.Valid(adding.Validate(alreadyThere, Admin));
    }

    [Fact]
    public void A_user_may_be_allowed_and_excluded_at_once_and_the_exclusion_wins_when_seeing()
    {
        ErrorAssert.Valid(new CaseAccessDetails(true, ["demo-po"], ["demo-po"], "Relative of the person").Validate(CaseAccessState.Open, Admin));
    }

    [Fact]
    public void Every_part_is_required_and_lists_are_sent_whole()
    {
        var errors = new CaseAccessDetails(null, null, null, null).Validate(CaseAccessState.Open, Admin);

        ErrorAssert.Fields(errors, "restricted", "allowedUsers", "excludedUsers");
        Assert.Equal("Send the allow-list, as a list of user names (an empty list for none)", ErrorAssert.Messages(errors, "allowedUsers").Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("name\u0000")]
    [InlineData("esc\u001b[2J")]
    public void A_blank_or_unprintable_user_name_is_refused_on_its_list(string name)
    {
        var errors = new CaseAccessDetails(false, ["demo-spo", name], [name], "Reason").Validate(CaseAccessState.Open, Admin);

        ErrorAssert.Fields(errors, "allowedUsers", "excludedUsers");
        Assert.Single(ErrorAssert.Messages(errors, "allowedUsers"));
    }

    [Fact]
    public void Names_reasons_and_lists_have_limits()
    {
        var tooMany = Enumerable.Range(0, CaseAccessDetails.MaxUsers + 1).Select(i => $"user{i}").ToList();
        var errors = new CaseAccessDetails(true, tooMany, [new string('x', 101)], new string('r', 2001)).Validate(CaseAccessState.Open, Admin);

        ErrorAssert.Fields(errors, "allowedUsers", "excludedUsers", "reason");
        Assert.Equal("The allow-list can name at most 100 users", ErrorAssert.Messages(errors, "allowedUsers").Single());
        Assert.Equal("A user name must be 100 characters or fewer", ErrorAssert.Messages(errors, "excludedUsers").Single());
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
