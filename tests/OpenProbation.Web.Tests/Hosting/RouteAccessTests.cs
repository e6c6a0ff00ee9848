using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Hosting;

/// <summary>
/// Every route, every role: who may call what is written down here once, and the application must agree. A new
/// route that is not in the table fails this test, so nobody adds an endpoint without deciding who may use it.
/// (PRACTICE.md section 7, line 9: sensitive information is seen only by those who need it.)
/// </summary>
public sealed class RouteAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] CaseStaff =
    [
        Roles.ProbationOfficer, Roles.ProbationServiceOfficer, Roles.TraineeProbationOfficer, Roles.SeniorProbationOfficer,
        Roles.CaseAdministrator, Roles.CourtOfficer, Roles.SystemAdministrator,
    ];

    private static readonly string[] OrganisationReaders = [.. CaseStaff, Roles.PerformanceAnalyst];

    private static readonly string[] Managers = [Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    private static readonly string[] Administrators = [Roles.SystemAdministrator];

    private static readonly string[] Countersigners = [Roles.SeniorProbationOfficer];

    private static readonly string[] WorkloadReaders = [Roles.SeniorProbationOfficer, Roles.CaseAdministrator, Roles.SystemAdministrator, Roles.PerformanceAnalyst];

    private static readonly string[] Everyone = [.. Roles.All];

    private static readonly string[] CaseHolders = [Roles.ProbationOfficer, Roles.ProbationServiceOfficer, Roles.TraineeProbationOfficer, Roles.SeniorProbationOfficer];

    private static readonly string[] TeamReaders = [Roles.SeniorProbationOfficer, Roles.CaseAdministrator, Roles.SystemAdministrator];

    private static readonly string[] CourtOutcomes = [Roles.CourtOfficer, Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    // Court officers feed back to sentencers; analysts are not case readers, so a count that leaves out what they may not see would be empty.
    private static readonly string[] CourtFeedbackReaders = [Roles.CourtOfficer, Roles.SeniorProbationOfficer, Roles.SystemAdministrator];

    /// <summary>The expected access of every staff page: route → the roles allowed.</summary>
    private static readonly Dictionary<string, string[]> ExpectedPages = new()
    {
        ["/"] = Everyone,
        ["/sign-out"] = Everyone,
        ["/account/tokens"] = Everyone,
        ["/caseload"] = CaseHolders,
        ["/team"] = TeamReaders,
        ["/team/officers/{staffId:int}"] = TeamReaders,
        ["/search"] = CaseStaff,
        ["/people/{crn}"] = CaseStaff,
        ["/people/{crn}/audit"] = Managers,
        ["/people/{crn}/subject-access"] = Administrators,
        ["/court"] = CourtOutcomes,
        ["/court/person"] = CourtOutcomes,
        ["/court/{crn}/order"] = CourtOutcomes,
        ["/court/rar-proposal"] = CaseStaff,
        ["/reports/courts"] = CourtFeedbackReaders,
        ["/reports/courts/detail"] = CourtFeedbackReaders,
        ["/admin"] = Administrators,
        ["/admin/users"] = Administrators,
        ["/admin/users/{id}"] = Administrators,
        ["/admin/teams"] = Administrators,
        ["/admin/absences"] = Administrators,
        ["/people/{crn}/tier"] = CaseStaff,
        ["/people/{crn}/requirements/{requirementId:int}/rar"] = CaseStaff,
        ["/people/{crn}/orders/{orderId:int}/sentence-plan"] = CaseStaff,
        ["/people/{crn}/orders/{orderId:int}/sentence-plan/edit"] = CaseStaff,
        ["/people/{crn}/enforcement/{id:int}"] = CaseStaff,
        ["/people/{crn}/enforcement/{id:int}/breach-pack"] = CaseStaff,
        ["/enforcement"] = TeamReaders,
        ["/requirements-at-risk"] = CaseStaff,
        ["/letters/{id:int}"] = CaseStaff,
        ["/people/{crn}/assessments/new"] = CaseStaff,
        ["/tier-changes"] = CaseStaff,
        ["/people/{crn}/appointments/new"] = CaseStaff,
        ["/people/{crn}/contacts/new"] = CaseStaff,
        ["/people/{crn}/contacts"] = CaseStaff,
        ["/appointments/{id:int}"] = CaseStaff,
        ["/diary"] = CaseHolders,
        ["/team/officers/{staffId:int}/diary"] = TeamReaders,
        ["/workload"] = CaseHolders,
        ["/team/workload"] = WorkloadReaders,
        ["/team/officers/{staffId:int}/workload"] = WorkloadReaders,
        ["/workload/challenges/{id:int}"] = Everyone,
        ["/delivery-unit/workload"] = WorkloadReaders,
        ["/allocations"] = Managers,
        ["/allocations/{orderId:int}"] = Managers,
        ["/allocations/overrides"] = Managers,
        ["/team/officers/{staffId:int}/reallocate"] = Managers,
        ["/team/officers/{staffId:int}/reductions"] = Managers,
        ["/team/officers/{staffId:int}/reductions/{reductionId:int}"] = Managers,
    };

    /// <summary>The only pages open without signing in.</summary>
    private static readonly string[] AnonymousPages = ["/sign-in", "/sign-in/callback", "/access-denied", "/error"];

    /// <summary>The expected access of every API route: "METHOD pattern" → the roles allowed.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["GET /api/v1/regions/"] = OrganisationReaders,
        ["GET /api/v1/regions/{id:int}"] = OrganisationReaders,
        ["POST /api/v1/regions/"] = Managers,
        ["PUT /api/v1/regions/{id:int}"] = Managers,
        ["GET /api/v1/delivery-units/"] = OrganisationReaders,
        ["GET /api/v1/delivery-units/{id:int}"] = OrganisationReaders,
        ["GET /api/v1/delivery-units/{id:int}/workload"] = WorkloadReaders,
        ["GET /api/v1/allocations/performance"] = WorkloadReaders,
        ["POST /api/v1/delivery-units/"] = Managers,
        ["PUT /api/v1/delivery-units/{id:int}"] = Managers,
        ["GET /api/v1/teams/"] = OrganisationReaders,
        ["GET /api/v1/teams/{id:int}"] = OrganisationReaders,
        ["POST /api/v1/teams/"] = Managers,
        ["PUT /api/v1/teams/{id:int}"] = Managers,
        ["GET /api/v1/staff/"] = OrganisationReaders,
        ["GET /api/v1/staff/{id:int}"] = OrganisationReaders,
        ["POST /api/v1/staff/"] = Managers,
        ["PUT /api/v1/staff/{id:int}"] = Managers,
        ["GET /api/v1/staff/{staffId:int}/absences"] = OrganisationReaders,
        ["GET /api/v1/staff/{staffId:int}/absences/{id:int}"] = OrganisationReaders,
        ["POST /api/v1/staff/{staffId:int}/absences"] = Managers,
        ["PUT /api/v1/staff/{staffId:int}/absences/{id:int}"] = Managers,
        ["GET /api/v1/absences"] = OrganisationReaders,
        ["GET /api/v1/people/"] = CaseStaff,
        ["GET /api/v1/people/{crn}"] = CaseStaff,
        ["POST /api/v1/people/"] = CaseStaff,
        ["PUT /api/v1/people/{crn}"] = CaseStaff,
        ["GET /api/v1/people/{crn}/addresses"] = CaseStaff,
        ["GET /api/v1/people/{crn}/addresses/{id:int}"] = CaseStaff,
        ["POST /api/v1/people/{crn}/addresses"] = CaseStaff,
        ["PUT /api/v1/people/{crn}/addresses/{id:int}"] = CaseStaff,
        ["GET /api/v1/people/{crn}/markers"] = CaseStaff,
        ["GET /api/v1/people/{crn}/markers/{id:int}"] = CaseStaff,
        ["POST /api/v1/people/{crn}/markers"] = CaseStaff,
        ["PUT /api/v1/people/{crn}/markers/{id:int}"] = CaseStaff,
        ["GET /api/v1/people/{crn}/access/"] = Administrators,
        ["PUT /api/v1/people/{crn}/access/"] = Administrators,
        ["GET /api/v1/people/{crn}/audit"] = Managers,
        ["GET /api/v1/people/{crn}/subject-access"] = Administrators,
        ["GET /api/v1/people/{crn}/orders"] = CaseStaff,
        ["POST /api/v1/people/{crn}/orders"] = CaseStaff,
        ["GET /api/v1/orders/"] = CaseStaff,
        ["GET /api/v1/orders/{id:int}"] = CaseStaff,
        ["PUT /api/v1/orders/{id:int}"] = CaseStaff,
        ["GET /api/v1/orders/{id:int}/requirements"] = CaseStaff,
        ["POST /api/v1/orders/{id:int}/requirements"] = CaseStaff,
        ["GET /api/v1/requirements/{id:int}"] = CaseStaff,
        ["PUT /api/v1/requirements/{id:int}"] = CaseStaff,
        ["GET /api/v1/requirements/{requirementId:int}/rar"] = CaseStaff,
        ["POST /api/v1/requirements/{requirementId:int}/rar/complete"] = CaseStaff,
        ["GET /api/v1/requirements/{requirementId:int}/rar/no-suitable-activity"] = CaseStaff,
        ["GET /api/v1/orders/{orderId:int}/delivery"] = CaseStaff,
        ["GET /api/v1/requirements-at-risk"] = CaseStaff,
        ["POST /api/v1/requirements/{requirementId:int}/rar/no-suitable-activity"] = CaseStaff,
        ["POST /api/v1/rar-proposals/"] = CaseStaff,
        ["GET /api/v1/rar-proposals/guideline"] = CaseStaff,
        ["GET /api/v1/reports/courts/"] = CourtFeedbackReaders,
        ["GET /api/v1/reports/courts/{court}"] = CourtFeedbackReaders,
        ["GET /api/v1/people/{crn}/enforcement"] = CaseStaff,
        ["GET /api/v1/orders/{orderId:int}/sentence-plans"] = CaseStaff,
        ["POST /api/v1/orders/{orderId:int}/sentence-plans"] = CaseStaff,
        ["GET /api/v1/sentence-plans/{planId:int}"] = CaseStaff,
        ["PUT /api/v1/sentence-plans/{planId:int}"] = CaseStaff,
        ["POST /api/v1/sentence-plans/{planId:int}/agree"] = CaseStaff,
        ["POST /api/v1/sentence-plans/{planId:int}/countersignature"] = Countersigners,
        ["POST /api/v1/sentence-plans/{planId:int}/review"] = CaseStaff,
        ["GET /api/v1/enforcement/"] = TeamReaders,
        ["GET /api/v1/enforcement/{id:int}"] = CaseStaff,
        ["GET /api/v1/breach-packs/{failureId:int}"] = CaseStaff,
        ["GET /api/v1/people/{crn}/letters"] = CaseStaff,
        ["POST /api/v1/letters/"] = CaseStaff,
        ["GET /api/v1/letters/{id:int}"] = CaseStaff,
        ["GET /api/v1/letters/{id:int}/pdf"] = CaseStaff,
        ["POST /api/v1/letters/{id:int}/sending"] = CaseStaff,
        ["POST /api/v1/enforcement/{id:int}/decision"] = CaseStaff,
        ["POST /api/v1/enforcement/{id:int}/withdrawal"] = CaseStaff,
        ["GET /api/v1/orders/{id:int}/assignments"] = CaseStaff,
        ["POST /api/v1/orders/{id:int}/assignments"] = Managers,
        ["GET /api/v1/assignments/"] = CaseStaff,
        ["GET /api/v1/assignments/{id:int}"] = CaseStaff,
        ["PUT /api/v1/assignments/{id:int}"] = Managers,
        ["GET /api/v1/staff/{id:int}/workload/challenges"] = Everyone,
        ["POST /api/v1/staff/{id:int}/workload/challenges"] = CaseHolders,
        ["GET /api/v1/workload/challenges/"] = WorkloadReaders,
        ["GET /api/v1/workload/challenges/{id:int}"] = Everyone,
        ["POST /api/v1/workload/challenges/{id:int}/answer"] = Countersigners,
        ["POST /api/v1/tiering/calculate"] = Everyone,
        ["GET /api/v1/tiering/policies"] = Everyone,
        ["GET /api/v1/people/{crn}/assessments"] = CaseStaff,
        ["GET /api/v1/people/{crn}/assessments/{id:int}"] = CaseStaff,
        ["POST /api/v1/people/{crn}/assessments"] = CaseStaff,
        ["GET /api/v1/people/{crn}/named-assessments"] = CaseStaff,
        ["POST /api/v1/people/{crn}/named-assessments"] = CaseStaff,
        ["GET /api/v1/people/{crn}/tier"] = CaseStaff,
        ["GET /api/v1/people/{crn}/tiers"] = CaseStaff,
        ["POST /api/v1/people/{crn}/tier/recalculate"] = CaseStaff,
        ["GET /api/v1/tier-changes/"] = CaseStaff,
        ["POST /api/v1/tier-changes/{id:int}/reason"] = CaseStaff,
        ["POST /api/v1/tier-changes/{id:int}/countersignature"] = Countersigners,
        ["GET /api/v1/locations/"] = OrganisationReaders,
        ["GET /api/v1/locations/{id:int}"] = OrganisationReaders,
        ["POST /api/v1/locations/"] = Managers,
        ["GET /api/v1/locations/{id:int}/rooms"] = OrganisationReaders,
        ["GET /api/v1/locations/{id:int}/rooms/{roomId:int}"] = OrganisationReaders,
        ["POST /api/v1/locations/{id:int}/rooms"] = Managers,
        ["GET /api/v1/people/{crn}/appointments"] = CaseStaff,
        ["POST /api/v1/people/{crn}/appointments"] = CaseStaff,
        ["POST /api/v1/people/{crn}/contacts"] = CaseStaff,
        ["GET /api/v1/appointments/{id:int}"] = CaseStaff,
        ["PUT /api/v1/appointments/{id:int}"] = CaseStaff,
        ["POST /api/v1/appointments/{id:int}/outcome"] = CaseStaff,
        ["GET /api/v1/group-sessions/"] = CaseStaff,
        ["GET /api/v1/group-sessions/{id:int}"] = CaseStaff,
        ["POST /api/v1/group-sessions/"] = CaseStaff,
        ["POST /api/v1/group-sessions/{id:int}/attendees"] = CaseStaff,

        // Policy for your own; another officer's also needs the team-caseload role, checked in the handler (ContactsAccessTests).
        ["GET /api/v1/staff/{id:int}/diary"] = CaseStaff,
        ["GET /api/v1/staff/{id:int}/compliance"] = CaseStaff,
        ["GET /api/v1/people/{crn}/compliance"] = CaseStaff,
        ["GET /api/v1/teams/{id:int}/compliance"] = TeamReaders,
        ["GET /api/v1/contact-standards"] = Everyone,

        // Your own workload and reductions for everyone signed in; another officer's needs a workload reader's role, checked in the handler.
        ["GET /api/v1/staff/{id:int}/workload"] = Everyone,
        ["GET /api/v1/staff/{id:int}/reductions"] = Everyone,
        ["POST /api/v1/staff/{id:int}/reductions"] = Managers,
        ["PUT /api/v1/staff/{id:int}/reductions/{reductionId:int}"] = Managers,
        ["GET /api/v1/teams/{id:int}/workload"] = WorkloadReaders,
        ["POST /api/v1/people/{crn}/reports"] = Managers,
        ["PUT /api/v1/reports/{id:int}"] = CaseStaff,

        // Overriding a hard rule also needs a manager's (senior probation officer's) role, checked in the handler (AllocationApiTests).
        ["GET /api/v1/allocations/queue"] = Managers,
        ["GET /api/v1/allocations/queue/{eventId:int}/suggestions"] = Managers,
        ["POST /api/v1/allocations/queue/{eventId:int}/transfer"] = Managers,
        ["POST /api/v1/allocations/"] = Managers,
        ["GET /api/v1/allocations/overrides"] = Managers,
        ["GET /api/v1/allocations/new"] = Everyone,
        ["POST /api/v1/reallocations"] = Managers,
    };

    [Fact]
    public async Task Every_api_route_allows_exactly_the_roles_in_the_expected_access_table()
    {
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var routes = Routes();
        var unlisted = routes.Keys.Except(Expected.Keys).Order().ToList();
        Assert.True(unlisted.Count == 0, "Routes missing from the expected-access table:\n" + string.Join('\n', unlisted));
        var gone = Expected.Keys.Except(routes.Keys).Order().ToList();
        Assert.True(gone.Count == 0, "Table rows for routes that no longer exist:\n" + string.Join('\n', gone));

        var wrong = new List<string>();
        foreach (var (route, policies) in routes)
        {
            foreach (var role in Roles.All)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));
                var allowed = true;
                foreach (var policy in policies)
                {
                    allowed &= (await authorization.AuthorizeAsync(user, policy)).Succeeded;
                }

                if (allowed != Expected[route].Contains(role))
                {
                    wrong.Add($"{route}: {role} is {(allowed ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_by_every_api_route()
    {
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var (route, policies) in Routes())
        {
            foreach (var policy in policies)
            {
                Assert.False((await authorization.AuthorizeAsync(anonymous, policy)).Succeeded, route);
            }
        }
    }

    [Fact]
    public async Task Every_page_allows_exactly_the_roles_in_the_expected_access_table()
    {
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var pages = Pages();
        var anonymous = pages.Where(p => p.Value.Anonymous).Select(p => p.Key).Order().ToList();
        Assert.Equal(AnonymousPages.Order(), anonymous);

        var secured = pages.Where(p => !p.Value.Anonymous).ToDictionary(p => p.Key, p => p.Value.Policies);
        var unlisted = secured.Keys.Except(ExpectedPages.Keys).Order().ToList();
        Assert.True(unlisted.Count == 0, "Pages missing from the expected-access table:\n" + string.Join('\n', unlisted));
        var gone = ExpectedPages.Keys.Except(secured.Keys).Order().ToList();
        Assert.True(gone.Count == 0, "Table rows for pages that no longer exist:\n" + string.Join('\n', gone));

        var wrong = new List<string>();
        var nobody = new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var (page, policies) in secured)
        {
            Assert.True(policies.Length > 0, $"{page} names no policy");
            foreach (var policy in policies)
            {
                Assert.False((await authorization.AuthorizeAsync(nobody, policy)).Succeeded, $"{page} lets an anonymous user in");
            }

            foreach (var role in Roles.All)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));
                var allowed = true;
                foreach (var policy in policies)
                {
                    allowed &= (await authorization.AuthorizeAsync(user, policy)).Succeeded;
                }

                if (allowed != ExpectedPages[page].Contains(role))
                {
                    wrong.Add($"{page}: {role} is {(allowed ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private Dictionary<string, (string[] Policies, bool Anonymous)> Pages()
    {
        var pages = new Dictionary<string, (string[], bool)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is null
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null)
            {
                continue;
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToArray();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            pages[pattern] = (policies, anonymous);
        }

        return pages;
    }

    private Dictionary<string, string[]> Routes()
    {
        var routes = new Dictionary<string, string[]>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/v1", StringComparison.Ordinal))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToArray();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                routes[$"{method} {pattern}"] = policies;
            }
        }

        return routes;
    }
}
