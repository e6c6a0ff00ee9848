using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Hosting;

public abstract class HostingTests(AppFixture app)
{
    [Fact]
    public async Task Ready_answers_200_once_the_database_is_migrated()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ready", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_has_every_migration_and_the_model_has_no_changes_without_one()
    {
        await app.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration for both providers (see docs/development.md).");
        });
    }

    [Fact]
    public void Every_api_endpoint_requires_an_authorisation_policy_and_none_allows_anonymous_access()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            Assert.True(policies.Count > 0, $"{endpoint.DisplayName} names no authorisation policy");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_and_the_bearer_scheme()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/api/v1", StringComparison.Ordinal))
            .Select(r => r.Replace(":int", "", StringComparison.Ordinal).TrimEnd('/'))
            .ToHashSet();
        Assert.Empty(routes.Except(paths.Select(p => p.TrimEnd('/'))));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_browsable_api_reference_is_served_from_the_application_itself()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var script = await client.GetAsync("/api/reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}

public sealed class HostingTests_Sqlite(SqliteApp app) : HostingTests(app), IClassFixture<SqliteApp>;

public sealed class HostingTests_Postgres(PostgresApp app) : HostingTests(app), IClassFixture<PostgresApp>;
