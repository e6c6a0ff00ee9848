using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Access;

/// <summary>
/// The query helper is <see cref="CaseAccessRules"/> in SQL: for every role and every combination of restricted,
/// on the allow-list and excluded, the people, addresses, markers, orders, requirements and assignments the
/// database returns are exactly those the pure rule allows, on SQLite and PostgreSQL.
/// </summary>
public abstract class CaseAccessQueryTests(AppFixture app)
{
    /// <summary>The expected-access table by role: reads case records, manages case access.</summary>
    public static TheoryData<string, bool, bool> RoleTable => new()
    {
        { Roles.ProbationOfficer, true, false },
        { Roles.ProbationServiceOfficer, true, false },
        { Roles.TraineeProbationOfficer, true, false },
        { Roles.SeniorProbationOfficer, true, false },
        { Roles.CaseAdministrator, true, false },
        { Roles.CourtOfficer, true, false },
        { Roles.InterventionProvider, false, false },
        { Roles.PerformanceAnalyst, false, false },
        { Roles.SystemAdministrator, true, true },
    };

    [Fact]
    public void The_role_table_covers_every_role() =>
        Assert.Equal(Roles.All.Order(), RoleTable.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(RoleTable))]
    public async Task Every_query_agrees_with_the_rule_for_every_restriction_allow_list_and_exclusion(string role, bool readsCases, bool managesAccess)
    {
        var viewerName = $"Rule-Viewer-{Guid.NewGuid():N}"[..30];
        var people = await CreateEveryCombinationAsync(viewerName);

        // The user signs in with the name in another case: lists match names as sign-in does.
        var user = Principal(viewerName.ToLowerInvariant(), role);
        var viewer = new CaseViewer(readsCases, managesAccess, IsResponsibleOfficer: false);
        var expectedSee = people.Where(p => CaseAccessRules.CanSee(viewer, p.Facts).Allowed).Select(p => p.Id).Order().ToList();
        var expectedManage = people.Where(p => CaseAccessRules.CanManage(viewer, p.Facts).Allowed).Select(p => p.Id).Order().ToList();
        var ids = people.Select(p => p.Id).ToList();

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(expectedSee, await db.VisiblePeople(user).Where(p => ids.Contains(p.Id)).Select(p => p.Id).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee, await db.VisibleAddresses(user).Where(a => ids.Contains(a.PersonId)).Select(a => a.PersonId).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee, await db.VisibleMarkers(user).Where(m => ids.Contains(m.PersonId)).Select(m => m.PersonId).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee, await db.VisibleOrders(user).Where(o => ids.Contains(o.PersonId)).Select(o => o.PersonId).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee, await db.VisibleRequirements(user).Where(r => ids.Contains(r.Order!.PersonId)).Select(r => r.Order!.PersonId).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee, await db.VisibleAssignments(user).Where(a => ids.Contains(a.Order!.PersonId)).Select(a => a.Order!.PersonId).OrderBy(i => i).ToListAsync());
            Assert.Equal(expectedSee.Count, await db.VisibleAssignments(user).CountAsync(a => ids.Contains(a.Order!.PersonId)));
            Assert.Equal(expectedManage, await db.PeopleWhoseAccessIsManagedBy(user).Where(p => ids.Contains(p.Id)).Select(p => p.Id).OrderBy(i => i).ToListAsync());
        });

        Assert.Equal(readsCases, CaseAccessQueries.ViewerOf(user).ReadsCases);
        Assert.Equal(managesAccess, CaseAccessQueries.ViewerOf(user).ManagesCaseAccess);
    }

    [Fact]
    public async Task Nobody_signed_in_and_a_user_without_a_name_see_nothing()
    {
        var people = await CreateEveryCombinationAsync($"someone-{Guid.NewGuid():N}"[..30]);
        var ids = people.Select(p => p.Id).ToList();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var nameless = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.ProbationOfficer)], "test"));

        await app.WithDbAsync(async db =>
        {
            foreach (var user in new[] { anonymous, nameless })
            {
                Assert.Equal(0, await db.VisiblePeople(user).CountAsync(p => ids.Contains(p.Id)));
                Assert.Equal(0, await db.PeopleWhoseAccessIsManagedBy(user).CountAsync(p => ids.Contains(p.Id)));
            }
        });
    }

    [Fact]
    public async Task An_entry_taken_off_its_list_no_longer_counts()
    {
        var viewerName = $"removed-{Guid.NewGuid():N}"[..30];
        var people = await CreateEveryCombinationAsync(viewerName);
        var restrictedAndAllowed = people.Single(p => p.Facts == new CaseAccessFacts(true, true, false)).Id;
        var excludedOnly = people.Single(p => p.Facts == new CaseAccessFacts(false, false, true)).Id;
        var user = Principal(viewerName, Roles.ProbationOfficer);

        await app.WithDbAsync(async db =>
        {
            await db.CaseAccessEntries.Where(e => e.PersonId == restrictedAndAllowed || e.PersonId == excludedOnly)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RemovedAt, AppFixture.Now).SetProperty(e => e.RemovedBy, "test"));
            Assert.False(await db.VisiblePeople(user).AnyAsync(p => p.Id == restrictedAndAllowed));
            Assert.True(await db.VisiblePeople(user).AnyAsync(p => p.Id == excludedOnly));
        });
    }

    private sealed record Case(int Id, CaseAccessFacts Facts);

    private static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>Eight people, one per combination, each with an address, a marker and an order with a requirement and an officer.</summary>
    private async Task<List<Case>> CreateEveryCombinationAsync(string viewerName)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        return await app.WithDbAsync(async db =>
        {
            var made = new List<(Person Person, CaseAccessFacts Facts)>();
            foreach (var facts in from restricted in new[] { false, true }
                                  from allowed in new[] { false, true }
                                  from excluded in new[] { false, true }
                                  select new CaseAccessFacts(restricted, allowed, excluded))
            {
                var person = new Person { Crn = await PeopleApi.NewCrnAsync(db, default), CreatedAt = AppFixture.Now };
                person.Apply(new PersonDetails("Rule", null, "Combination", null, new DateOnly(1980, 1, 1), Gender.Female, null, null));
                person.Addresses.Add(new Address { Type = AddressType.Home, Line1 = "1 Rule Street", Town = "Dudley", Postcode = "DY1 1AA", StartDate = new DateOnly(2024, 1, 1) });
                person.Markers.Add(new Marker { Type = MarkerType.Safeguarding, StartDate = new DateOnly(2024, 1, 1), AddedBy = "test", AddedAt = AppFixture.Now });
                var order = new Order
                {
                    Type = OrderType.CommunityOrder, Court = "Dudley Magistrates' Court", Offence = "Theft", SentenceDate = new DateOnly(2026, 1, 5),
                    StartDate = new DateOnly(2026, 1, 5), Length = 12, LengthUnit = LengthUnit.Months, ExpectedEndDate = new DateOnly(2027, 1, 4),
                    Status = OrderStatus.Active,
                };
                order.Requirements.Add(new Requirement { Type = RequirementType.Rar, RarMaxDays = 10, Status = RequirementStatus.NotStarted });
                order.Assignments.Add(new Assignment { StaffMemberId = officer.Id, FromDate = new DateOnly(2026, 1, 5), Reason = "Test", AssignedBy = "test", CreatedAt = AppFixture.Now });
                person.Orders.Add(order);
                if (facts.Restricted)
                {
                    person.Restriction = new CaseRestriction { IsRestricted = true, Reason = "Test", ChangedBy = "test", ChangedAt = AppFixture.Now };
                }

                // Other users' entries on every case, so the query must match on the name and not merely on there being an entry.
                AddEntry(person, CaseAccessKind.Allowed, "someone-else");
                AddEntry(person, CaseAccessKind.Excluded, "another-one");
                if (facts.OnAllowList)
                {
                    AddEntry(person, CaseAccessKind.Allowed, viewerName);
                }

                if (facts.Excluded)
                {
                    AddEntry(person, CaseAccessKind.Excluded, viewerName);
                }

                db.People.Add(person);
                made.Add((person, facts));
            }

            await db.SaveChangesAsync();
            return made.Select(m => new Case(m.Person.Id, m.Facts)).ToList();
        });
    }

    private static void AddEntry(Person person, CaseAccessKind kind, string userName) =>
        person.AccessEntries.Add(new CaseAccessEntry
        {
            Kind = kind,
            UserName = userName,
            NormalizedUserName = CaseAccessEntry.NormalizeUserName(userName),
            Reason = "Test",
            AddedBy = "test",
            AddedAt = AppFixture.Now,
        });
}

public sealed class CaseAccessQueryTests_Sqlite(SqliteApp app) : CaseAccessQueryTests(app), IClassFixture<SqliteApp>;

public sealed class CaseAccessQueryTests_Postgres(PostgresApp app) : CaseAccessQueryTests(app), IClassFixture<PostgresApp>;
