using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Pages;

/// <summary>
/// The staff pages over a real database, driven as a browser without JavaScript drives them: plain GETs and form
/// posts with cookies and anti-forgery tokens (issue 3 parts 1, 3 and 5; PRACTICE.md section 7 line 9).
/// </summary>
public abstract partial class StaffPageTests(PagesAppFixture app)
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_keeps_the_user_name_typed()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var (response, html) = await app.NewSession().PostAsync("/sign-in", [new("Input.UserName", userName), new("Input.Password", "not-the-password")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter a correct user name and password", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{userName}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", html, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", Title(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var session = app.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await session.PostAsync("/sign-in", [new("Input.UserName", userName), new("Input.Password", "wrong-password-" + i)]);
        }

        var (response, html) = await session.PostAsync("/sign-in", [new("Input.UserName", userName), new("Input.Password", AppFixture.Password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your account is locked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_lands_on_home_with_the_name_and_the_navigation_of_the_role_and_signing_out_ends_the_session()
    {
        var (session, userName) = await app.SignedInAsync(Roles.ProbationOfficer);
        var (_, html) = await session.GetAsync("/");
        Assert.Contains($"Signed in as <strong>{userName}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/caseload\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/team\"", html, StringComparison.Ordinal);

        var (signedOut, _) = await session.PostAsync("/sign-out", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var (after, _) = await session.GetAsync("/caseload");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_for_another_role_is_refused_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var (session, _) = await app.SignedInAsync(Roles.ProbationServiceOfficer);
        var (refused, _) = await session.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (anonymous, _) = await app.NewSession().GetAsync("/people/X123456");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/sign-in?ReturnUrl=%2Fpeople%2FX123456", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_twenty_idle_minutes()
    {
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).Response.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var (expired, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/sign-in", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_session_still_ends_ten_hours_after_sign_in()
    {
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        for (var minutes = 0; minutes < 9 * 60 + 45; minutes += 15)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).Response.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var (ended, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_carries_the_security_headers_too()
    {
        var (response, html) = await app.NewSession().GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("unsafe-inline", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.All(ScriptTag().Matches(html), m => Assert.Contains("src=", m.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("Input.UserName", "someone"), new("Input.Password", "x")]);
        var response = await app.NewSession().Client.PostAsync(new Uri("/sign-in", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=smith")]
    [InlineData("/caseload")]
    public async Task Pages_carry_the_security_headers_and_no_inline_script(string url)
    {
        var (session, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (response, html) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        foreach (Match script in ScriptTag().Matches(html))
        {
            Assert.Contains("src=", script.Value, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch("<[^>]*\\son[a-z]+=", html);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var (response, _) = await app.NewSession().PostAsync("/sign-in", [new("Input.UserName", userName), new("Input.Password", AppFixture.Password)]);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenProbation.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task My_caseload_lists_the_officers_cases_and_filters_and_sorts_them()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var first = await TestData.CreatePersonAsync(admin, "Ada", "Zimmer" + TestData.Unique("z"));
        var second = await TestData.CreatePersonAsync(admin, "Bea", "Abbott" + TestData.Unique("a"));
        foreach (var crn in new[] { first.Crn, second.Crn })
        {
            var order = await TestData.CreateOrderAsync(admin, crn);
            await TestData.AssignAsync(admin, order.Id, officer.Id);
        }

        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);
        var (_, html) = await session.GetAsync("/caseload");
        Assert.Contains("<strong>2</strong> people", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(second.Crn, StringComparison.Ordinal) < html.IndexOf(first.Crn, StringComparison.Ordinal), "sorted by name");

        var (_, descending) = await session.GetAsync("/caseload?sort=name&dir=desc");
        Assert.True(descending.IndexOf(first.Crn, StringComparison.Ordinal) < descending.IndexOf(second.Crn, StringComparison.Ordinal), "sorted by name, descending");
        Assert.Contains("aria-sort=\"descending\"", descending, StringComparison.Ordinal);

        var (_, filtered) = await session.GetAsync("/caseload?q=" + first.LastName[..8]);
        Assert.Contains(first.Crn, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Crn, filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excluded_officer_cannot_find_open_or_count_the_case_while_their_manager_can()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var person = await TestData.CreatePersonAsync(admin, "Cara", "Hidden" + TestData.Unique("h"));
        var order = await TestData.CreateOrderAsync(admin, person.Crn);
        await TestData.AssignAsync(admin, order.Id, officer.Id);
        var (excluded, excludedName) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);
        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        Assert.Contains(person.Crn, (await excluded.GetAsync("/caseload")).Html, StringComparison.Ordinal);

        var exclusion = new { restricted = false, allowedUsers = Array.Empty<string>(), excludedUsers = new[] { excludedName }, reason = "Relative of the officer" };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/people/{person.Crn}/access", exclusion, 0)).StatusCode);

        var (record, recordHtml) = await excluded.GetAsync($"/people/{person.Crn}");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.Contains("Page not found", recordHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, recordHtml, StringComparison.Ordinal);
        Assert.Contains("0 people found", (await excluded.GetAsync($"/search?q={person.Crn}")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Crn, (await excluded.GetAsync($"/search?q={person.LastName}")).Html, StringComparison.Ordinal);
        var caseload = (await excluded.GetAsync("/caseload")).Html;
        Assert.DoesNotContain(person.Crn, caseload, StringComparison.Ordinal);
        Assert.Contains("<strong>0</strong> people", caseload, StringComparison.Ordinal);

        Assert.Contains(person.LastName, (await manager.GetAsync($"/people/{person.Crn}")).Html, StringComparison.Ordinal);
        Assert.Contains(person.Crn, (await manager.GetAsync($"/team/officers/{officer.Id}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_page_counts_caseloads_and_shows_who_is_away_today()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var away = await TestData.CreateStaffAsync(admin, team.Id, firstName: "Awaya", lastName: "Onleave");
        var here = await TestData.CreateStaffAsync(admin, team.Id, firstName: "Heather", lastName: "Present");
        await TestData.CreateAbsenceAsync(admin, away.Id, app.Today.AddDays(-1).ToString("yyyy-MM-dd"), app.Today.AddDays(4).ToString("yyyy-MM-dd"));
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        await TestData.AssignAsync(admin, order.Id, here.Id);

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, html) = await manager.GetAsync($"/team?teamId={team.Id}");
        var awayRow = Row(html, "Awaya Onleave");
        Assert.Contains("Annual leave", awayRow, StringComparison.Ordinal);
        var hereRow = Row(html, "Heather Present");
        Assert.Contains("Available", hereRow, StringComparison.Ordinal);
        Assert.Contains(">1</td>", hereRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_court_outcome_with_a_mistake_shows_it_keeps_what_was_typed_and_saves_once_corrected()
    {
        var (court, _) = await app.SignedInAsync(Roles.CourtOfficer);
        var lastName = "Newcase" + TestData.Unique("n");
        var (missingDate, personForm) = await court.PostAsync("/court/person",
        [
            new("Input.FirstName", "Dana"), new("Input.LastName", lastName), new("Input.DateOfBirth.Day", "31"),
            new("Input.DateOfBirth.Month", "2"), new("Input.DateOfBirth.Year", "1990"), new("Input.Gender", "Female"),
        ]);
        Assert.Equal(HttpStatusCode.OK, missingDate.StatusCode);
        Assert.Contains("Date of birth must be a real date", personForm, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DateOfBirth\"", personForm, StringComparison.Ordinal);
        Assert.Contains($"value=\"{lastName}\"", personForm, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", personForm, StringComparison.Ordinal);

        var (created, _) = await court.PostAsync("/court/person",
        [
            new("Input.FirstName", "Dana"), new("Input.LastName", lastName), new("Input.DateOfBirth.Day", "28"),
            new("Input.DateOfBirth.Month", "2"), new("Input.DateOfBirth.Year", "1990"), new("Input.Gender", "Female"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var orderPage = created.Headers.Location!.OriginalString;
        var crn = CrnIn().Match(orderPage).Value;

        KeyValuePair<string, string>[] order =
        [
            new("Input.Type", "CommunityOrder"), new("Input.Court", "Stafford Crown Court"), new("Input.Offence", "Burglary"),
            new("Input.Length", "18"), new("Input.LengthUnit", "Months"),
            new("Input.Requirements[0].Type", "UnpaidWork"), new("Input.Requirements[0].UnpaidWorkHours", "500"),
            new("Input.Requirements[1].Type", "Rar"), new("Input.Requirements[1].RarMaxDays", "20"),
        ];
        var (invalid, orderForm) = await court.PostAsync(orderPage, order);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("There is a problem", orderForm, StringComparison.Ordinal);
        Assert.Contains("Enter sentence date", orderForm, StringComparison.Ordinal);
        Assert.Contains("Enter the unpaid work hours, from 40 to 300", orderForm, StringComparison.Ordinal);
        Assert.Contains("value=\"Stafford Crown Court\"", orderForm, StringComparison.Ordinal);
        Assert.Contains("value=\"500\"", orderForm, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Orders.CountAsync(o => o.Person!.Crn == crn)));

        var sentenced = app.Today.AddDays(-1);
        var (saved, _) = await court.PostAsync(orderPage,
        [
            .. order.Where(f => f.Key != "Input.Requirements[0].UnpaidWorkHours"),
            new("Input.Requirements[0].UnpaidWorkHours", "150"),
            new("Input.SentenceDate.Day", sentenced.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.SentenceDate.Month", sentenced.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.SentenceDate.Year", sentenced.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/people/{crn}", saved.Headers.Location!.OriginalString);
        var (_, record) = await court.GetAsync($"/people/{crn}");
        Assert.Contains("Court outcome recorded: community order with 2 requirements", record, StringComparison.Ordinal);
        Assert.Contains("150 hours", record, StringComparison.Ordinal);
        Assert.Contains("up to 20 days", record, StringComparison.Ordinal);
        Assert.Contains("Not allocated", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_person_who_may_already_have_a_record_asks_first()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var existing = await TestData.CreatePersonAsync(admin, "Eve", "Twin" + TestData.Unique("t"), "1988-07-01");
        var (court, _) = await app.SignedInAsync(Roles.CourtOfficer);
        KeyValuePair<string, string>[] same =
        [
            new("Input.FirstName", "Evelyn"), new("Input.LastName", existing.LastName.ToUpperInvariant()), new("Input.DateOfBirth.Day", "1"),
            new("Input.DateOfBirth.Month", "7"), new("Input.DateOfBirth.Year", "1988"), new("Input.Gender", "Female"),
        ];
        var (asked, html) = await court.PostAsync("/court/person", same);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains(existing.Crn, html, StringComparison.Ordinal);
        Assert.Contains("this is a different person", html, StringComparison.Ordinal);

        var (created, _) = await court.PostAsync("/court/person", [.. same, new("Input.ConfirmedNew", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [Fact]
    public async Task Search_finds_by_crn_name_and_date_of_birth_and_asks_for_text()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(admin, "Finn", "Searchable" + TestData.Unique("s"), "1979-12-24");
        var (session, _) = await app.SignedInAsync(Roles.CaseAdministrator);
        Assert.Contains(person.LastName, (await session.GetAsync($"/search?q={person.Crn.ToLowerInvariant()}")).Html, StringComparison.Ordinal);
        Assert.Contains(person.Crn, (await session.GetAsync($"/search?q=finn+{person.LastName[..12]}")).Html, StringComparison.Ordinal);
        Assert.Contains(person.Crn, (await session.GetAsync("/search?q=24/12/1979")).Html, StringComparison.Ordinal);
        var (_, empty) = await session.GetAsync("/search?q=");
        Assert.Contains("Enter a CRN, name or date of birth", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_record_shows_summary_markers_orders_officers_and_timeline_and_the_audit_link_only_to_managers()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id, firstName: "Rowan", lastName: "Officer");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        await TestData.AssignAsync(admin, order.Id, officer.Id);
        var crn = (await app.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.Person!.Crn).SingleAsync()));

        var (po, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var (response, html) = await po.GetAsync($"/people/{crn}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var section in new[] { "Summary", "Markers", "Addresses", "Orders and requirements", "Responsible officers", "Timeline" })
        {
            Assert.Contains($">{section}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Rowan Officer", html, StringComparison.Ordinal);
        Assert.Contains("Sentenced", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit history", html, StringComparison.Ordinal);
        var (spo, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        Assert.Contains($"href=\"/people/{crn}/audit\"", (await spo.GetAsync($"/people/{crn}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_a_user_and_a_stale_edit_is_refused_not_applied()
    {
        var (admin, _) = await app.SignedInAsync(Roles.SystemAdministrator);
        var userName = "newuser-" + Guid.NewGuid().ToString("N")[..8];
        var (created, _) = await admin.PostAsync("/admin/users/new",
            [new("Input.UserName", userName), new("Input.DisplayName", "New User"), new("Input.Role", Roles.ProbationServiceOfficer), new("Input.Password", "Another-password-9")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        Assert.Contains(userName, (await admin.GetAsync("/admin/users")).Html, StringComparison.Ordinal);

        var (_, edit) = await admin.GetAsync($"/admin/users/{id}");
        var stamp = Regex.Match(edit, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value;
        KeyValuePair<string, string>[] change(string name) =>
            [new("Input.UserName", userName), new("Input.DisplayName", name), new("Input.Role", Roles.ProbationOfficer), new("Input.ConcurrencyStamp", stamp)];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{id}", change("First Change"))).Response.StatusCode);
        var (stale, html) = await admin.PostAsync($"/admin/users/{id}", change("Second Change"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this account", html, StringComparison.Ordinal);
        Assert.Equal("First Change", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Recording_an_absence_checks_its_dates_and_then_shows_it()
    {
        var api = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(api);
        var officer = await TestData.CreateStaffAsync(api, team.Id, firstName: "Lee", lastName: "Leave");
        var (admin, _) = await app.SignedInAsync(Roles.SystemAdministrator);
        var url = $"/admin/absences?teamId={team.Id}";
        KeyValuePair<string, string>[] absence(int lastDay) =>
        [
            new("Input.StaffMemberId", officer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Type", "Training"),
            new("Input.StartDate.Day", "10"), new("Input.StartDate.Month", "12"), new("Input.StartDate.Year", "2026"),
            new("Input.EndDate.Day", lastDay.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.EndDate.Month", "12"), new("Input.EndDate.Year", "2026"),
        ];
        var (invalid, html) = await admin.PostAsync(url, absence(5));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        var (saved, savedHtml) = await admin.PostAsync(url, absence(12));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedHtml);
        var (list, listHtml) = await admin.GetAsync(url);
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"{list.StatusCode} {list.Headers.Location}");
        Assert.Contains("Lee Leave", Row(listHtml, "Training</td>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_made_on_the_tokens_page_reads_but_cannot_write_and_stops_when_revoked()
    {
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var (_, html) = await session.PostAsync("/account/tokens?handler=Create", [new("Input.Name", "reporting"), new("Input.Scopes", "read"), new("Input.Days", "30")], "/account/tokens");
        var secret = Regex.Match(html, "<code id=\"new-token\" class=\"app-token\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("op_", secret, StringComparison.Ordinal);

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/people?q=smith", UriKind.Relative))).StatusCode);
        var write = await api.PostJsonAsync("/api/v1/people", new { firstName = "A", lastName = "B", dateOfBirth = "1990-01-01", gender = "Male" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var (_, list) = await session.GetAsync("/account/tokens");
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        var id = Regex.Match(list, "id=(\\d+)&amp;handler=Revoke|handler=Revoke&amp;id=(\\d+)") is { Success: true } m ? m.Groups[1].Value + m.Groups[2].Value : "";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"/account/tokens?handler=Revoke&id={id}", [], "/account/tokens")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/people?q=smith", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Viewing_a_record_on_the_web_is_audited_and_a_manager_reads_the_history_and_an_administrator_exports_it()
    {
        var api = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(api, "Gale", "Audited" + TestData.Unique("a"));
        var (po, poName) = await app.SignedInAsync(Roles.ProbationOfficer);
        Assert.Equal(HttpStatusCode.OK, (await po.GetAsync($"/people/{person.Crn}")).Response.StatusCode);
        var view = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Actor == poName && e.Action == Web.Features.Audit.AuditAction.View));
        Assert.Equal(Web.Features.Audit.AuditChannel.Web, view.Channel);
        Assert.Equal(Web.Features.Audit.AuditTrail.PersonRecord, view.Section);
        Assert.Equal(HttpStatusCode.Redirect, (await po.GetAsync($"/people/{person.Crn}/audit")).Response.StatusCode);

        var (spo, spoName) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (history, html) = await spo.GetAsync($"/people/{person.Crn}/audit");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains(poName, html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Actor == spoName && e.Section == Web.Features.Audit.AuditTrail.AuditHistory)));

        var (admin, adminName) = await app.SignedInAsync(Roles.SystemAdministrator);
        var (export, exportHtml) = await admin.GetAsync($"/people/{person.Crn}/subject-access");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(person.LastName, exportHtml, StringComparison.Ordinal);
        Assert.Contains(poName, exportHtml, StringComparison.Ordinal);
        var (json, jsonBody) = await admin.GetAsync($"/people/{person.Crn}/subject-access?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"crn\":\"{person.Crn}\"", jsonBody, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Actor == adminName && e.Action == Web.Features.Audit.AuditAction.Export)));
        Assert.Equal(HttpStatusCode.Redirect, (await spo.GetAsync($"/people/{person.Crn}/subject-access")).Response.StatusCode);
    }

    private static string Title(string html) => Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value;

    private static string Row(string html, string containing)
    {
        var at = html.IndexOf(containing, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row with {containing}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("[A-Z][0-9]{6}")]
    private static partial Regex CrnIn();
}

public sealed class StaffPageTests_Sqlite(SqlitePagesApp app) : StaffPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class StaffPageTests_Postgres(PostgresPagesApp app) : StaffPageTests(app), IClassFixture<PostgresPagesApp>;

/// <summary>Sign-in attempts from one address are limited (issue 3 part 7), with the default limit of ten a minute.</summary>
public abstract class SignInRateLimitTests(AppFixture app)
{
    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_is_refused_with_429()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var session = new PageSession(client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await session.PostAsync("/sign-in", [new("Input.UserName", "nobody"), new("Input.Password", "wrong")])).Response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/sign-in")).Response.StatusCode);
    }
}

public sealed class SignInRateLimitTests_Sqlite(SqliteApp app) : SignInRateLimitTests(app), IClassFixture<SqliteApp>;

/// <summary>
/// Web nodes are stateless (DESIGN.md "Scale"): the keys that protect cookies live in the database, so a session
/// started on one node is good on another, and a restart signs nobody out.
/// </summary>
public abstract class SharedSessionKeyTests(PagesAppFixture app)
{
    [Fact]
    public async Task A_session_cookie_from_one_node_is_accepted_by_another_over_the_same_database()
    {
        var (session, userName) = await app.SignedInAsync(Roles.ProbationOfficer);
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).Response.StatusCode);
        var cookie = await CookieHeaderAsync(userName);

        await using var other = new OtherNode(app);
        using var client = other.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Signed in as <strong>{userName}</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Signs in again without a cookie container, to read the Set-Cookie header itself.
    private async Task<string> CookieHeaderAsync(string userName)
    {
        using var raw = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await raw.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = PageSession.Token(await page.Content.ReadAsStringAsync())!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("Input.UserName", userName), new("Input.Password", AppFixture.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var signedIn = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenProbation.Session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private sealed class OtherNode(PagesAppFixture first) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            foreach (var (key, value) in first.Database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(first.Clock);
            });
        }
    }
}

public sealed class SharedSessionKeyTests_Sqlite(SqlitePagesApp app) : SharedSessionKeyTests(app), IClassFixture<SqlitePagesApp>;

public sealed class SharedSessionKeyTests_Postgres(PostgresPagesApp app) : SharedSessionKeyTests(app), IClassFixture<PostgresPagesApp>;

/// <summary>With <c>OpenProbation:Security:RequireHttps</c> on (any deployment behind TLS): HTTPS only, HSTS, Secure cookies.</summary>
public sealed class RequireHttpsTests(RequireHttpsTests.HttpsApp app) : IClassFixture<RequireHttpsTests.HttpsApp>
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Https_answers_carry_hsts_and_cookies_are_secure_only()
    {
        // HSTS is never sent to localhost (it would stick in a developer's browser), so ask as the service's own name.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://probation.example") });
        var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    public sealed class HttpsApp : AppFixture
    {
        public override Web.Data.DatabaseProvider Provider => Web.Data.DatabaseProvider.Sqlite;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["OpenProbation:Security:RequireHttps"] = "true",
            ["https_port"] = "443",
        };
    }
}
