using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.People;

/// <summary>Which list of a case a user is on.</summary>
public enum CaseAccessKind
{
    /// <summary>On the allow-list: may see the case while it is restricted (unless also excluded).</summary>
    Allowed = 1,

    /// <summary>Excluded: must never see the case, whatever else is true (a colleague, a relative, a neighbour).</summary>
    Excluded,
}

/// <summary>
/// Whether a person's case is restricted, and the last change to who may see it: who made it, when and why
/// (PRACTICE.md section 7 line 9). A person without this record is not restricted. The version guards the
/// whole of the case's access (restriction, allow-list and exclusions), which are changed together.
/// </summary>
public sealed class CaseRestriction : IVersioned
{
    /// <summary>The person (also the key: one record per person).</summary>
    public int PersonId { get; set; }

    /// <summary>True when only the users on the allow-list may see the case.</summary>
    public bool IsRestricted { get; set; }

    /// <summary>Why the last change to the case's access was made.</summary>
    public string? Reason { get; set; }

    /// <summary>User name of whoever made the last change.</summary>
    public string ChangedBy { get; set; } = "";

    /// <summary>When the last change was made.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }
}

/// <summary>
/// A user on a case's allow-list or excluded from it. Entries are never deleted: taking someone off a list sets
/// <see cref="RemovedAt"/>, so the history of who could see a case stays with the case.
/// </summary>
public sealed class CaseAccessEntry : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person whose case this is.</summary>
    public int PersonId { get; set; }

    /// <summary>Allowed or excluded.</summary>
    public CaseAccessKind Kind { get; set; }

    /// <summary>
    /// The user's sign-in name as the account spells it. Entries name users rather than account ids so that they
    /// survive an export and import into a database whose accounts were made separately.
    /// </summary>
    public string UserName { get; set; } = "";

    /// <summary>The user name as compared: see <see cref="NormalizeUserName"/>.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>Why the user was put on the list.</summary>
    public string Reason { get; set; } = "";

    /// <summary>User name of whoever put them on the list.</summary>
    public string AddedBy { get; set; } = "";

    /// <summary>When they were put on the list.</summary>
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>User name of whoever took them off the list; empty while the entry applies.</summary>
    public string? RemovedBy { get; set; }

    /// <summary>When they were taken off the list; empty while the entry applies.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>True until the user is taken off the list.</summary>
    public bool IsActive => RemovedAt is null;

    /// <summary>
    /// User names compare as sign-in does: Unicode-normalised and upper-cased, so "J.Smith" and "j.smith" are the
    /// same user (ASP.NET Core Identity's default normaliser does the same).
    /// </summary>
    public static string NormalizeUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var trimmed = userName.Trim();
        try
        {
            return trimmed.Normalize().ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // Text that is not valid Unicode (a lone surrogate) cannot be normalised, and names no account either.
            return trimmed.ToUpperInvariant();
        }
    }
}

/// <summary>What a viewer is, as far as case-level access is concerned.</summary>
/// <param name="ReadsCases">The viewer's role reads case records at all (probation staff, court officers, administrators).</param>
/// <param name="ManagesCaseAccess">The viewer may change restrictions and lists (system administrators).</param>
/// <param name="IsResponsibleOfficer">The viewer is the case's current responsible officer.</param>
public readonly record struct CaseViewer(bool ReadsCases, bool ManagesCaseAccess, bool IsResponsibleOfficer);

/// <summary>Where the viewer stands on one case.</summary>
/// <param name="Restricted">The case is restricted.</param>
/// <param name="OnAllowList">The viewer is on the case's allow-list.</param>
/// <param name="Excluded">The viewer is excluded from the case.</param>
public readonly record struct CaseAccessFacts(bool Restricted, bool OnAllowList, bool Excluded);

/// <summary>The rule that decided, so a decision explains itself.</summary>
public enum CaseAccessRule
{
    /// <summary>An exclusion beats everything: the allow-list, the role and being the responsible officer.</summary>
    Excluded = 1,

    /// <summary>The viewer's role does not read case records.</summary>
    RoleDoesNotReadCases,

    /// <summary>The case is restricted and the viewer is on its allow-list.</summary>
    RestrictedAndAllowed,

    /// <summary>The case is restricted and the viewer is not on its allow-list (administrators and responsible officers included).</summary>
    RestrictedAndNotAllowed,

    /// <summary>The case is not restricted and the viewer reads cases.</summary>
    NotRestricted,

    /// <summary>The viewer manages case access (and is not excluded from this case).</summary>
    ManagesCaseAccess,

    /// <summary>The viewer's role does not manage case access.</summary>
    RoleDoesNotManageCaseAccess,
}

/// <summary>A decision on whether a viewer may see a case, or manage who may.</summary>
/// <param name="Allowed">True when the viewer may.</param>
/// <param name="Rule">The rule that decided.</param>
public readonly record struct CaseAccessDecision(bool Allowed, CaseAccessRule Rule);

/// <summary>
/// Case-level access (PRACTICE.md section 7 line 9: "sensitive information is seen only by those who need it").
/// A restricted case is seen only by the users on its allow-list; an excluded user never sees a case. Not being
/// allowed to see a case means the case does not exist for that user: it is left out of every search, list and
/// count, and asked for directly it is "not found".
/// </summary>
public static class CaseAccessRules
{
    /// <summary>
    /// Whether <paramref name="viewer"/> may see a case, decided by the first of these that applies:
    /// <list type="number">
    /// <item>Excluded: never, whatever the role, the allow-list or the responsible-officer relationship.</item>
    /// <item>A role that does not read case records: never.</item>
    /// <item>Restricted: only if on the allow-list. Being a system administrator or the responsible officer does not
    /// put anyone on it: administrators manage the lists but read a restricted case only when someone else has
    /// allowed them, and a restricted case is allocated only to an officer on its allow-list.</item>
    /// <item>Otherwise: yes.</item>
    /// </list>
    /// </summary>
    public static CaseAccessDecision CanSee(CaseViewer viewer, CaseAccessFacts facts)
    {
        if (facts.Excluded)
        {
            return new(false, CaseAccessRule.Excluded);
        }

        if (!viewer.ReadsCases)
        {
            return new(false, CaseAccessRule.RoleDoesNotReadCases);
        }

        if (facts.Restricted)
        {
            return facts.OnAllowList ? new(true, CaseAccessRule.RestrictedAndAllowed) : new(false, CaseAccessRule.RestrictedAndNotAllowed);
        }

        return new(true, CaseAccessRule.NotRestricted);
    }

    /// <summary>
    /// Whether <paramref name="viewer"/> may see and change who may see a case: access managers, unless excluded
    /// (an excluded manager could otherwise lift their own exclusion). Managing does not require seeing the case.
    /// </summary>
    public static CaseAccessDecision CanManage(CaseViewer viewer, CaseAccessFacts facts)
    {
        if (facts.Excluded)
        {
            return new(false, CaseAccessRule.Excluded);
        }

        return viewer.ManagesCaseAccess ? new(true, CaseAccessRule.ManagesCaseAccess) : new(false, CaseAccessRule.RoleDoesNotManageCaseAccess);
    }

    /// <summary>
    /// Checks that an officer may be made responsible for a case: none of their accounts is excluded from it, and,
    /// when it is restricted, one of their accounts is on its allow-list. Otherwise they would hold a case they
    /// cannot open. The message does not say which list, so an allocator learns no more than that.
    /// </summary>
    /// <param name="officerName">The officer's name, for the message.</param>
    /// <param name="restricted">The case is restricted.</param>
    /// <param name="anyAccountAllowed">One of the officer's sign-in accounts is on the allow-list.</param>
    /// <param name="anyAccountExcluded">One of the officer's sign-in accounts is excluded.</param>
    public static ValidationErrors ValidateResponsibleOfficer(string officerName, bool restricted, bool anyAccountAllowed, bool anyAccountExcluded)
    {
        var errors = new ValidationErrors();
        if (anyAccountExcluded || (restricted && !anyAccountAllowed))
        {
            errors.Add("staffMemberId", $"{officerName} cannot hold this case: access to it is restricted. Ask a system administrator.");
        }

        return errors;
    }
}

/// <summary>Who may see a case, as it stands: the input to a change.</summary>
/// <param name="Restricted">The case is restricted.</param>
/// <param name="Allowed">Normalised user names on the allow-list.</param>
/// <param name="Excluded">Normalised user names excluded.</param>
public sealed record CaseAccessState(bool Restricted, IReadOnlySet<string> Allowed, IReadOnlySet<string> Excluded)
{
    /// <summary>A case nobody has restricted or excluded anyone from.</summary>
    public static readonly CaseAccessState Open = new(false, new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// What a client sends to set who may see a case: the whole of it, as every update does.
/// </summary>
/// <param name="Restricted">Whether only the allow-list may see the case.</param>
/// <param name="AllowedUsers">User names on the allow-list (it applies only while the case is restricted).</param>
/// <param name="ExcludedUsers">User names who must never see the case. A user may be on both lists: the exclusion wins.</param>
/// <param name="Reason">Why: needed whenever anything changes.</param>
public sealed record CaseAccessDetails(bool? Restricted, IReadOnlyList<string>? AllowedUsers, IReadOnlyList<string>? ExcludedUsers, string? Reason)
{
    /// <summary>Most users on each list: a restricted case is seen by a handful of named people, not a team of hundreds.</summary>
    public const int MaxUsers = 100;

    // Methods rather than properties: a request body has only the four fields above.

    /// <summary>The allow-list, normalised and without repeats.</summary>
    public IReadOnlySet<string> AllowedNames() => Normalized(AllowedUsers);

    /// <summary>The exclusions, normalised and without repeats.</summary>
    public IReadOnlySet<string> ExcludedNames() => Normalized(ExcludedUsers);

    /// <summary>
    /// Checks the details against the case's access as it stands. A reason is needed whenever anything changes.
    /// Nobody may add themselves to an allow-list: granting yourself sight of a restricted case needs a second person.
    /// </summary>
    /// <param name="current">The case's access now.</param>
    /// <param name="actingUserName">The user making the change.</param>
    public ValidationErrors Validate(CaseAccessState current, string actingUserName)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(actingUserName);
        var errors = new ValidationErrors()
            .Present("restricted", Restricted, "Say whether the case is restricted")
            .MaxLength("reason", Reason, FieldLimits.Note, "the reason");
        CheckNames(errors, "allowedUsers", AllowedUsers, "the allow-list");
        CheckNames(errors, "excludedUsers", ExcludedUsers, "the exclusions");
        if (!errors.IsValid)
        {
            return errors;
        }

        var allowed = AllowedNames();
        var excluded = ExcludedNames();
        if (allowed.Contains(CaseAccessEntry.NormalizeUserName(actingUserName)) && !current.Allowed.Contains(CaseAccessEntry.NormalizeUserName(actingUserName)))
        {
            errors.Add("allowedUsers", "You cannot add yourself to the allow-list: another administrator must");
        }

        var changes = Restricted != current.Restricted || !allowed.SetEquals(current.Allowed) || !excluded.SetEquals(current.Excluded);
        if (changes && string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add("reason", Restricted == true && !current.Restricted ? "Enter why the case is restricted"
                : excluded.Except(current.Excluded).Any() ? "Enter why the users are excluded"
                : "Enter the reason for the change");
        }

        return errors;
    }

    private static void CheckNames(ValidationErrors errors, string field, IReadOnlyList<string>? names, string label)
    {
        if (names is null)
        {
            errors.Add(field, $"Send {label}, as a list of user names (an empty list for none)");
            return;
        }

        if (names.Count > MaxUsers)
        {
            errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} can name at most {MaxUsers} users");
            return;
        }

        foreach (var name in names)
        {
            var before = errors.Fields.Contains(field);
            errors.Required(field, name, FieldLimits.UserName, "a user name");
            if (!before && errors.Fields.Contains(field))
            {
                return;
            }
        }
    }

    private static HashSet<string> Normalized(IReadOnlyList<string>? names) =>
        (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(CaseAccessEntry.NormalizeUserName).ToHashSet(StringComparer.Ordinal);
}
