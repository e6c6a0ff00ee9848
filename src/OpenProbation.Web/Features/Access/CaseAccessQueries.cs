using System.Linq.Expressions;
using System.Security.Claims;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Access;

/// <summary>
/// The one way to read people and their records for a signed-in user. Case-level access
/// (<see cref="CaseAccessRules.CanSee"/>) is a condition inside the query, so a person the user may not see is
/// missing from every search, list, count and lookup exactly as if they did not exist: start every read or
/// write of case records for a user from these, never from <c>db.People</c> or <c>db.Orders</c>.
/// </summary>
/// <example>
/// <code>
/// var person = await db.VisiblePeople(User).AsNoTracking().SingleOrDefaultAsync(p => p.Crn == crn, ct); // null: 404
/// var caseload = db.VisibleAssignments(User).Where(a => a.StaffMemberId == id &amp;&amp; a.ToDate == null);
/// var mine = db.Contacts.WhereVisible(c => c.Person!, User);                                            // a new table
/// </code>
/// </example>
public static class CaseAccessQueries
{
    /// <summary>The people <paramref name="user"/> may see.</summary>
    public static IQueryable<Person> VisiblePeople(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.People.Where(VisibleTo(user));
    }

    /// <summary>The addresses of the people <paramref name="user"/> may see.</summary>
    public static IQueryable<Address> VisibleAddresses(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Addresses.WhereVisible(a => a.Person!, user);
    }

    /// <summary>The markers of the people <paramref name="user"/> may see.</summary>
    public static IQueryable<Marker> VisibleMarkers(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Markers.WhereVisible(m => m.Person!, user);
    }

    /// <summary>The orders of the people <paramref name="user"/> may see.</summary>
    public static IQueryable<Order> VisibleOrders(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Orders.WhereVisible(o => o.Person!, user);
    }

    /// <summary>The requirements of the orders of the people <paramref name="user"/> may see.</summary>
    public static IQueryable<Requirement> VisibleRequirements(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Requirements.WhereVisible(r => r.Order!.Person!, user);
    }

    /// <summary>
    /// Responsible-officer assignments on the orders of the people <paramref name="user"/> may see: a caseload read
    /// through this leaves out, and does not count, the cases the user may not see.
    /// </summary>
    public static IQueryable<Assignment> VisibleAssignments(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Assignments.WhereVisible(a => a.Order!.Person!, user);
    }

    /// <summary>
    /// Keeps the rows whose person <paramref name="user"/> may see, reaching the person through a navigation path
    /// such as <c>o =&gt; o.Person!</c>: for tables that are not covered above.
    /// </summary>
    public static IQueryable<T> WhereVisible<T>(this IQueryable<T> query, Expression<Func<T, Person>> person, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(person);
        var predicate = VisibleTo(user);
        var body = new ReplaceParameter(predicate.Parameters[0], person.Body).Visit(predicate.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, person.Parameters));
    }

    /// <summary>
    /// The condition "<paramref name="user"/> may see this person", for <c>Where</c> on people. It is
    /// <see cref="CaseAccessRules.CanSee"/> in SQL: the access-rules tests check the two agree on every combination.
    /// </summary>
    public static Expression<Func<Person, bool>> VisibleTo(ClaimsPrincipal user)
    {
        var viewer = ViewerOf(user);
        if (!viewer.ReadsCases || UserNameOf(user) is not { } name)
        {
            return p => false;
        }

        return p =>
            !p.AccessEntries.Any(e => e.NormalizedUserName == name && e.Kind == CaseAccessKind.Excluded && e.RemovedAt == null)
            && (p.Restriction == null || !p.Restriction.IsRestricted
                || p.AccessEntries.Any(e => e.NormalizedUserName == name && e.Kind == CaseAccessKind.Allowed && e.RemovedAt == null));
    }

    /// <summary>
    /// The people whose access <paramref name="user"/> may see and change (<see cref="CaseAccessRules.CanManage"/>):
    /// every person, restricted or not, except those the user is excluded from.
    /// </summary>
    public static IQueryable<Person> PeopleWhoseAccessIsManagedBy(this OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!ViewerOf(user).ManagesCaseAccess || UserNameOf(user) is not { } name)
        {
            return db.People.Where(p => false);
        }

        return db.People.Where(p => !p.AccessEntries.Any(e => e.NormalizedUserName == name && e.Kind == CaseAccessKind.Excluded && e.RemovedAt == null));
    }

    /// <summary>What the user's roles mean for case access. Whether they are a case's responsible officer does not matter to what they may see.</summary>
    public static CaseViewer ViewerOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var signedIn = user.Identity?.IsAuthenticated == true;
        return new CaseViewer(
            ReadsCases: signedIn && Policies.CaseReaders.Any(user.IsInRole),
            ManagesCaseAccess: signedIn && Policies.CaseAccessManagers.Any(user.IsInRole),
            IsResponsibleOfficer: false);
    }

    /// <summary>The signed-in user's name as case-access lists compare it; null when there is none.</summary>
    public static string? UserNameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        return string.IsNullOrWhiteSpace(name) ? null : CaseAccessEntry.NormalizeUserName(name);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
