using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Rar;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Court;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Features.Letters;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Features.SentencePlans;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Api;

/// <summary>
/// Every API endpoint rejects malformed JSON, wrong types, over-long strings and unknown ids with a 4xx problem
/// response and leaves the data unchanged. The endpoints, their route parameters, request bodies and query
/// parameters are read from the running application's routing, so a new endpoint is covered without touching this
/// class; one whose route names a collection the test has no record for fails here, saying what to add.
/// Each test sends everything it can, then reports every endpoint that misbehaved at once.
/// </summary>
public abstract class MalformedInputTests(AppFixture app)
{
    private const int UnknownId = 999_999_999;
    private const string UnknownCrn = "Z999999";
    private const int TooLong = 10_001;

    /// <summary>Text that is the right length but holds a control character (NUL, escape) a person cannot have typed.</summary>
    private static readonly string[] ControlCharacterTexts = ["B1 1AA\u0000", "Esc\u001b[2J"];

    /// <summary>The versioned tables the snapshot must at least cover; new ones are picked up by reflection.</summary>
    private static readonly string[] ExpectedTables =
    [
        "People", "Addresses", "Markers", "Orders", "Requirements", "Assignments", "Staff", "Absences", "Teams", "DeliveryUnits", "Regions",
        "Appointments", "Locations", "Rooms", "GroupSessions", "RiskAssessments", "NamedAssessments", "CaseTiers",
    ];

    [Fact]
    public async Task The_sweep_sees_every_api_endpoint_with_its_methods_bodies_and_route_parameters()
    {
        var endpoints = Endpoints();

        // A sample of the routes that must be found; if these go missing the discovery below is broken.
        string[] expected =
        [
            "GET /api/v1/regions", "POST /api/v1/regions", "PUT /api/v1/regions/{id}", "GET /api/v1/teams/{id}",
            "POST /api/v1/staff/{staffId}/absences", "PUT /api/v1/staff/{staffId}/absences/{id}", "GET /api/v1/absences",
            "GET /api/v1/people/{crn}", "POST /api/v1/people/{crn}/markers", "PUT /api/v1/people/{crn}/addresses/{id}",
            "POST /api/v1/people/{crn}/orders", "PUT /api/v1/orders/{id}", "POST /api/v1/orders/{id}/requirements",
            "PUT /api/v1/requirements/{id}", "POST /api/v1/orders/{id}/assignments", "PUT /api/v1/assignments/{id}", "GET /api/v1/assignments",
            "GET /api/v1/people/{crn}/access", "PUT /api/v1/people/{crn}/access",
        ];
        Assert.Subset(endpoints.Select(e => e.ToString()).ToHashSet(), expected.ToHashSet());

        var writes = endpoints.Where(e => e.Method is "POST" or "PUT").ToList();
        Assert.True(writes.Count >= 22, $"Only {writes.Count} POST/PUT endpoints found");
        Assert.All(writes, e => Assert.True(e.BodyType is not null, $"{e} has no JSON body type"));
        Assert.Equal(typeof(AssignmentDetails), endpoints.Single(e => e.ToString() == "POST /api/v1/orders/{id}/assignments").BodyType);
        Assert.Equal(typeof(OrganisationUnitDetails), endpoints.Single(e => e.ToString() == "PUT /api/v1/regions/{id}").BodyType);
        Assert.Contains(endpoints.Single(e => e.ToString() == "GET /api/v1/absences").QueryParameters, p => p.Name == "from" && p.ParameterType == typeof(DateOnly?));

        var snapshot = await SnapshotAsync();
        Assert.Subset(snapshot.Keys.ToHashSet(), ExpectedTables.ToHashSet());
    }

    [Fact]
    public async Task Every_endpoint_that_takes_a_body_refuses_malformed_json_and_the_wrong_content_type()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();

        foreach (var endpoint in BodyEndpoints())
        {
            var url = world.Url(endpoint);
            string?[] malformed = ["{\"firstName\":", "{", "not json", "[]", "null", "", "{\"a\":1}}", "{\"a\" 1}", "\"text\""];
            foreach (var body in malformed)
            {
                await ExpectProblemAsync(failures, $"{endpoint} with body '{body}'", await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, body), 400, null);
            }

            var valid = world.ValidBody(endpoint.BodyType!)?.ToJsonString() ?? "{}";
            await ExpectProblemAsync(failures, $"{endpoint} sent as text/plain", await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, valid, "text/plain"), 415, null);
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_body_property_of_the_wrong_json_type_is_refused_on_that_field()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();

        foreach (var endpoint in BodyEndpoints())
        {
            var url = world.Url(endpoint);
            foreach (var property in BodyProperties(endpoint.BodyType!))
            {
                var wrongValues = WrongJsonValues(property.Type);
                if (wrongValues is null)
                {
                    failures.Add($"{endpoint}: the test does not know a wrong JSON value for '{property.Name}' of type {property.Type}; add one to WrongJsonValues");
                    continue;
                }

                foreach (var wrong in wrongValues)
                {
                    var body = world.ValidBody(endpoint.BodyType!) ?? new JsonObject();
                    body[property.Name] = wrong?.DeepClone();
                    await ExpectProblemAsync(failures, $"{endpoint} with {property.Name} = {wrong?.ToJsonString() ?? "null"}",
                        await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, body.ToJsonString()), 400, property.Name);
                }
            }
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_string_in_a_body_longer_than_any_field_allows_is_refused_on_that_field()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();
        var tooLong = new string('x', TooLong);

        foreach (var endpoint in BodyEndpoints())
        {
            var url = world.Url(endpoint);
            foreach (var property in BodyProperties(endpoint.BodyType!).Where(p => p.Type == typeof(string) || IsStringList(p.Type)))
            {
                var body = world.ValidBody(endpoint.BodyType!) ?? new JsonObject();
                body[property.Name] = IsStringList(property.Type) ? new JsonArray(tooLong) : tooLong;
                await ExpectProblemAsync(failures, $"{endpoint} with {TooLong} characters in {property.Name}",
                    await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, body.ToJsonString()), 400, property.Name);
            }
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_string_in_a_body_holding_a_nul_or_other_control_character_is_refused_on_that_field()
    {
        // PostgreSQL cannot store NUL and SQLite can: without this the same request saved on one database and failed on the other.
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();

        foreach (var endpoint in BodyEndpoints())
        {
            var url = world.Url(endpoint);
            foreach (var property in BodyProperties(endpoint.BodyType!).Where(p => p.Type == typeof(string) || IsStringList(p.Type)))
            {
                foreach (var text in ControlCharacterTexts)
                {
                    var body = world.ValidBody(endpoint.BodyType!) ?? new JsonObject();
                    body[property.Name] = IsStringList(property.Type) ? new JsonArray(text) : text;
                    await ExpectProblemAsync(failures, $"{endpoint} with {JsonSerializer.Serialize(text)} in {property.Name}",
                        await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, body.ToJsonString()), 400, property.Name);
                }
            }
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_body_with_a_property_the_endpoint_does_not_know_is_refused()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();

        foreach (var endpoint in BodyEndpoints())
        {
            var body = world.ValidBody(endpoint.BodyType!) ?? new JsonObject();
            body["noSuchField"] = "surprise";
            await ExpectProblemAsync(failures, $"{endpoint} with an unknown property",
                await SendAsync(world.ClientFor(endpoint), endpoint.Method, world.Url(endpoint), body.ToJsonString()), 400, "noSuchField");
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_unknown_id_or_crn_in_a_route_is_not_found_while_the_real_ones_are()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();

        foreach (var endpoint in Endpoints().Where(e => e.Method == "GET"))
        {
            var response = await SendAsync(world.ClientFor(endpoint), "GET", world.Url(endpoint), null);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{endpoint} with real ids: expected 200, got {(int)response.StatusCode} {await BriefAsync(response)}");
            }
        }

        foreach (var endpoint in Endpoints().Where(e => e.Route.Parameters.Count > 0))
        {
            var valid = endpoint.BodyType is null ? null : world.ValidBody(endpoint.BodyType);
            var body = endpoint.Method is "POST" or "PUT" ? (valid ?? new JsonObject()).ToJsonString() : null;

            // Each parameter unknown in turn (the others real), then all of them.
            var variants = endpoint.Route.Parameters.Select(p => (IReadOnlySet<string>)new HashSet<string> { p.Name })
                .Append(endpoint.Route.Parameters.Select(p => p.Name).ToHashSet());
            foreach (var url in variants.Select(unknown => world.Url(endpoint, unknown)).Distinct())
            {
                // Without a body the test knows to be valid, any 4xx problem will do (the body may be what is refused).
                await ExpectProblemAsync(failures, $"{endpoint.Method} {url}", await SendAsync(world.ClientFor(endpoint), endpoint.Method, url, body),
                    body is null || valid is not null ? 404 : null, null);
            }
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_list_refuses_paging_and_query_parameters_of_the_wrong_type_or_out_of_range()
    {
        var world = await CreateWorldAsync();
        var failures = new List<string>();
        var before = await SnapshotAsync();
        var lists = Endpoints().Where(e => e.Method == "GET" && e.QueryParameters.Count > 0).ToList();
        Assert.NotEmpty(lists);

        foreach (var endpoint in lists)
        {
            var url = world.Url(endpoint);
            var cases = new List<(string Query, string Field)>();
            if (endpoint.QueryParameters.Any(p => p.Name == "page"))
            {
                cases.AddRange([("page=abc", "page"), ("page=0", "page"), ("page=-1", "page"), ("page=2147483648", "page")]);
            }

            if (endpoint.QueryParameters.Any(p => p.Name == "pageSize"))
            {
                cases.AddRange([("pageSize=abc", "pageSize"), ("pageSize=0", "pageSize"), ("pageSize=100000", "pageSize"), ("pageSize=1.5", "pageSize")]);
            }

            foreach (var parameter in endpoint.QueryParameters)
            {
                var wrong = WrongQueryValues(parameter.ParameterType);
                if (wrong is null)
                {
                    failures.Add($"{endpoint}: the test does not know a wrong value for query parameter '{parameter.Name}' of type {parameter.ParameterType}; add one to WrongQueryValues");
                    continue;
                }

                cases.AddRange(wrong.Select(value => ($"{parameter.Name}={Uri.EscapeDataString(value)}", parameter.Name!)));
            }

            foreach (var (query, field) in cases)
            {
                await ExpectProblemAsync(failures, $"GET {url}?{(query.Length > 80 ? query[..80] + "…" : query)}",
                    await SendAsync(world.Admin, "GET", $"{url}?{query}", null), 400, field);
            }
        }

        AssertNoFailures(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    // ---- What the sweep sends -------------------------------------------------------------------------------

    /// <summary>Values of the wrong JSON type for a property; null when the test has not been taught the type.</summary>
    private static JsonNode?[]? WrongJsonValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return [new JsonObject(), new JsonArray(), 12, true];
        }

        if (t == typeof(int) || t == typeof(long))
        {
            return ["abc", new JsonObject(), true, 1.5, 1e12];
        }

        if (t == typeof(decimal) || t == typeof(double))
        {
            return ["abc", new JsonObject(), true];
        }

        if (t == typeof(DateOnly))
        {
            return ["31/02/2024", "2024-02-30", 12, new JsonObject()];
        }

        if (t == typeof(DateTimeOffset))
        {
            return ["2026-02-30T10:00:00Z", "tomorrow at ten", 12, new JsonObject()];
        }

        if (t.IsEnum)
        {
            return ["NoSuchValue", 7, 1, new JsonObject()];
        }

        if (t == typeof(bool))
        {
            return ["yes", 1, new JsonObject()];
        }

        // A map keyed by name, such as an assessment's needs: anything but an object.
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return ["text", 12, true, new JsonArray()];
        }

        // A wrong element ([12]) is named by its index (allowedUsers[0]); these are wrong for the list as a whole.
        if (IsStringList(t) || (t != typeof(string) && typeof(IEnumerable<int>).IsAssignableFrom(t)))
        {
            return ["text", 12, true, new JsonObject()];
        }

        // A list of objects, such as a plan's objectives.
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && t.GetGenericArguments()[0].IsClass)
        {
            return ["text", 12, true, new JsonObject()];
        }

        return null;
    }

    /// <summary>A list of strings in a body, such as a case's allow-list.</summary>
    private static bool IsStringList(Type type) => type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type);

    /// <summary>Query-string values that do not parse as, or are out of range for, the parameter's type.</summary>
    private static string[]? WrongQueryValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return [new string('x', TooLong), .. ControlCharacterTexts];
        }

        if (t == typeof(int))
        {
            return ["abc", "1.5", "99999999999"];
        }

        if (t == typeof(DateOnly))
        {
            return ["31/02/2024", "2024-02-30", "12"];
        }

        if (t.IsEnum)
        {
            return ["NoSuchValue", "7"];
        }

        if (t == typeof(bool))
        {
            return ["yes"];
        }

        return null;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? body, string mediaType = "application/json", string ifMatch = "\"1\"")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        // Always the current version of the records the world created, so it is never the version check that refuses
        // (actions such as recording an outcome are POSTs that need it too; creates ignore it).
        if (method is "PUT" or "POST")
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Records a failure unless the response is a 4xx RFC 7807 problem (of the status, and naming the field, when given).</summary>
    private static async Task ExpectProblemAsync(List<string> failures, string label, HttpResponseMessage response, int? status, string? field)
    {
        var code = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var got = $"got {code} {Brief(text)}";
        if (code is < 400 or >= 500)
        {
            failures.Add($"{label}: expected a 4xx problem, {got}");
            return;
        }

        if (status is { } expected && code != expected)
        {
            failures.Add($"{label}: expected {expected}, {got}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{label}: expected application/problem+json, got '{response.Content.Headers.ContentType}' {Brief(text)}");
            return;
        }

        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.GetInt32() != code || !root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                failures.Add($"{label}: the problem lacks a matching status or a title: {Brief(text)}");
            }
            else if (field is not null && !(root.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)))
            {
                failures.Add($"{label}: expected an error on '{field}', {got}");
            }
        }
        catch (JsonException)
        {
            failures.Add($"{label}: the problem is not JSON: {Brief(text)}");
        }
    }

    private static async Task<string> BriefAsync(HttpResponseMessage response) => Brief(await response.Content.ReadAsStringAsync());

    private static string Brief(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static void AssertNoFailures(List<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} malformed requests were not refused properly:\n" + string.Join('\n', failures));

    // ---- Discovering the endpoints ---------------------------------------------------------------------------

    private sealed record ApiEndpoint(string Method, RoutePattern Route, Type? BodyType, IReadOnlyList<ParameterInfo> QueryParameters)
    {
        /// <summary>"PUT /api/v1/staff/{staffId}/absences/{id}" (constraints left out).</summary>
        public override string ToString() =>
            $"{Method} /" + string.Join('/', Route.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                RoutePatternSeparatorPart separator => separator.Content,
                _ => "?",
            }))));
    }

    private sealed record BodyProperty(string Name, Type Type);

    private List<ApiEndpoint> Endpoints()
    {
        var found = new List<ApiEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var segments = endpoint.RoutePattern.PathSegments;
            if (segments.Count < 2 || Literal(segments[0]) != "api" || Literal(segments[1]) != "v1")
            {
                continue;
            }

            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType
                ?? handler?.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null)?.ParameterType;
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = handler?.GetParameters()
                .Where(p => p.ParameterType != bodyType && !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType))
                .ToList() ?? [];
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                found.Add(new ApiEndpoint(method, endpoint.RoutePattern, method is "POST" or "PUT" or "PATCH" ? bodyType : null, query));
            }
        }

        return found;
    }

    private IEnumerable<ApiEndpoint> BodyEndpoints() => Endpoints().Where(e => e.BodyType is not null);

    private static string? Literal(RoutePatternPathSegment segment) =>
        segment.Parts is [RoutePatternLiteralPart literal] ? literal.Content : null;

    // Values bound from the query string: everything a handler takes that is not a service, the body or a route value.
    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(TimeOnly);
    }

    /// <summary>The JSON properties of a request record: its longest constructor's parameters, camelCased.</summary>
    private static IEnumerable<BodyProperty> BodyProperties(Type bodyType) =>
        bodyType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(p => new BodyProperty(JsonNamingPolicy.CamelCase.ConvertName(p.Name!), p.ParameterType));

    // ---- The records the sweep points at ------------------------------------------------------------------------

    /// <summary>One of each record, created through the API with the same bodies the sweep later breaks.</summary>
    private sealed class World(HttpClient admin, HttpClient manager)
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<Type, Func<JsonObject>> _bodies = [];

        public HttpClient Admin { get; } = admin;

        /// <summary>The officer of the world's staff record: only they may challenge their own workload figure.</summary>
        public HttpClient? Officer { get; set; }

        /// <summary>
        /// Countersigning a lower tier and answering a workload challenge are a manager's decisions, which administrators
        /// may not make; raising a challenge is the officer's own.
        /// </summary>
        public HttpClient ClientFor(ApiEndpoint endpoint)
        {
            var route = endpoint.ToString();
            return route.EndsWith("/countersignature", StringComparison.Ordinal) || route.EndsWith("/answer", StringComparison.Ordinal) ? manager
                : route == "POST /api/v1/staff/{id}/workload/challenges" ? Officer! : Admin;
        }

        public void Add(string collection, string id) => _ids[collection] = id;

        public int Id(string collection) => int.Parse(_ids[collection], CultureInfo.InvariantCulture);

        public void Body<T>(Func<JsonObject> body) => _bodies[typeof(T)] = body;

        /// <summary>A body the endpoint would accept, or null when the test has none for this request type.</summary>
        public JsonObject? ValidBody(Type type) => _bodies.TryGetValue(type, out var body) ? body() : null;

        /// <summary>The endpoint's URL with the real records' ids, except the named parameters, which get unknown ones.</summary>
        public string Url(ApiEndpoint endpoint, IReadOnlySet<string>? unknown = null)
        {
            var path = new StringBuilder();
            string? collection = null;
            foreach (var segment in endpoint.Route.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    switch (part)
                    {
                        case RoutePatternLiteralPart literal:
                            path.Append(literal.Content);
                            collection = literal.Content;
                            break;
                        case RoutePatternSeparatorPart separator:
                            path.Append(separator.Content);
                            break;
                        case RoutePatternParameterPart parameter:
                            Assert.True(collection is not null && _ids.ContainsKey(collection),
                                $"{endpoint}: the test has no record for '{{{parameter.Name}}}' after '/{collection}'; create one in CreateWorldAsync");
                            var real = _ids[collection!];
                            var value = unknown?.Contains(parameter.Name) == true ? (int.TryParse(real, out _) ? UnknownId.ToString(CultureInfo.InvariantCulture) : UnknownCrn) : real;
                            path.Append(Uri.EscapeDataString(value));
                            break;
                        default:
                            throw new InvalidOperationException($"Unexpected route part {part}");
                    }
                }
            }

            return path.ToString();
        }
    }

    private async Task<World> CreateWorldAsync()
    {
        var world = new World(await app.ClientForAsync(Roles.SystemAdministrator), await app.ClientForAsync(Roles.SeniorProbationOfficer));
        world.Body<OrganisationUnitDetails>(() => new() { ["code"] = TestData.Unique("R"), ["name"] = "Malformed input region" });
        world.Body<DeliveryUnitRequest>(() => new() { ["regionId"] = world.Id("regions"), ["code"] = TestData.Unique("U"), ["name"] = "Malformed input unit" });
        world.Body<TeamRequest>(() => new() { ["deliveryUnitId"] = world.Id("delivery-units"), ["code"] = TestData.Unique("T"), ["name"] = "Malformed input team" });
        world.Body<StaffDetails>(() => new()
        {
            ["teamId"] = world.Id("teams"), ["staffCode"] = TestData.Unique("S"), ["firstName"] = "Val", ["lastName"] = "Id", ["email"] = "val.id@example.org",
            ["grade"] = nameof(StaffGrade.ProbationOfficer), ["contractedHours"] = 37, ["startDate"] = "2020-01-06", ["isAgency"] = false,
        });
        // After the induction window, so the officer can still be allocated the world's order.
        world.Body<AbsenceDetails>(() => new() { ["type"] = nameof(AbsenceType.AnnualLeave), ["startDate"] = "2027-01-04", ["endDate"] = "2027-01-08", ["notes"] = "Booked" });
        world.Body<PersonDetails>(() => new()
        {
            ["firstName"] = "Val", ["middleNames"] = "Ida", ["lastName"] = "Sweep", ["preferredName"] = "Vee", ["dateOfBirth"] = "1990-05-17",
            ["gender"] = nameof(Gender.Female), ["phone"] = "0121 496 0000", ["email"] = "val@example.org",
        });
        world.Body<AddressDetails>(() => new()
        {
            ["type"] = nameof(AddressType.Home), ["line1"] = "1 Sweep Street", ["line2"] = "Flat 2", ["town"] = "Birmingham", ["county"] = "West Midlands",
            ["postcode"] = "B1 1AA", ["startDate"] = "2024-01-01", ["endDate"] = "2024-12-31",
        });
        world.Body<MarkerDetails>(() => new() { ["type"] = nameof(MarkerType.Other), ["description"] = "Test marker", ["startDate"] = "2026-01-01" });
        world.Body<OrderDetails>(() => new()
        {
            ["type"] = nameof(OrderType.CommunityOrder), ["court"] = "Birmingham Magistrates' Court", ["offence"] = "Theft", ["sentenceDate"] = "2026-11-02",
            ["length"] = 12, ["lengthUnit"] = nameof(LengthUnit.Months),
        });
        world.Body<RequirementDetails>(() => new() { ["type"] = nameof(RequirementType.Rar), ["rarMaxDays"] = 20, ["description"] = "Thinking skills" });
        world.Body<RarCompletionDetails>(() => new()
        {
            ["completedOn"] = "2026-11-20", ["outcomeAgainstAgreed"] = "Agreed outcome met: tenancy kept",
            ["rationale"] = "Outcomes achieved before the maximum days", ["progress"] = "Settled tenancy and in work",
        });
        world.Body<AssignmentDetails>(() => new() { ["staffMemberId"] = world.Id("officer"), ["reason"] = "Allocation after sentence" });
        world.Body<AssignmentReasonRequest>(() => new() { ["reason"] = "Allocation on the day of sentence" });
        var excludedUser = await app.CreateUserAsync(Roles.ProbationOfficer);
        world.Body<CaseAccessDetails>(() => new()
        {
            ["restricted"] = false, ["allowedUsers"] = new JsonArray(), ["excludedUsers"] = new JsonArray(excludedUser), ["reason"] = "Relative of the person",
        });

        world.Add("regions", await CreateAsync(world, "/api/v1/regions", typeof(OrganisationUnitDetails)));
        world.Add("delivery-units", await CreateAsync(world, "/api/v1/delivery-units", typeof(DeliveryUnitRequest)));
        world.Add("teams", await CreateAsync(world, "/api/v1/teams", typeof(TeamRequest)));
        world.Add("staff", await CreateAsync(world, "/api/v1/staff", typeof(StaffDetails)));
        world.Add("officer", world.Id("staff").ToString(CultureInfo.InvariantCulture));
        world.Add("absences", await CreateAsync(world, $"/api/v1/staff/{world.Id("staff")}/absences", typeof(AbsenceDetails)));
        var crn = await CreateAsync(world, "/api/v1/people", typeof(PersonDetails), "crn");
        world.Add("people", crn);
        world.Add("addresses", await CreateAsync(world, $"/api/v1/people/{crn}/addresses", typeof(AddressDetails)));
        world.Add("markers", await CreateAsync(world, $"/api/v1/people/{crn}/markers", typeof(MarkerDetails)));
        world.Body<ReductionDetails>(() => new() { ["type"] = nameof(ReductionType.TradeUnionFacilityTime), ["startDate"] = "2026-11-01", ["hoursPerWeek"] = 3.75, ["notes"] = "Branch secretary" });
        world.Add("reductions", await CreateAsync(world, $"/api/v1/staff/{world.Id("staff")}/reductions", typeof(ReductionDetails)));
        world.Officer = await app.ClientForUserAsync(await app.CreateUserAsync(Roles.ProbationOfficer, world.Id("staff")));
        world.Body<ChallengeDetails>(() => new() { ["reason"] = "Two cases need interpreters for every appointment" });
        world.Body<ChallengeAnswer>(() => new() { ["answer"] = "Agreed: a reduction of two hours a week is recorded" });
        var challenge = await world.Officer.PostAsync($"/api/v1/staff/{world.Id("staff")}/workload/challenges",
            new StringContent(world.ValidBody(typeof(ChallengeDetails))!.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(challenge.StatusCode == HttpStatusCode.Created, $"Setting up a workload challenge: {(int)challenge.StatusCode} {await BriefAsync(challenge)}");
        using (var created = JsonDocument.Parse(await challenge.Content.ReadAsStringAsync()))
        {
            world.Add("challenges", created.RootElement.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        world.Body<ReportRequestDetails>(() => new() { ["type"] = nameof(WorkloadReportType.PreSentenceReport), ["dueDate"] = "2026-11-30", ["staffMemberId"] = world.Id("staff") });
        world.Body<ReportCompletion>(() => new() { ["completedOn"] = "2026-11-23" });
        world.Add("reports", await CreateAsync(world, $"/api/v1/people/{crn}/reports", typeof(ReportRequestDetails)));

        // The person's access record at version 1, as every other record the sweep changes (an exclusion keeps the case visible to the sweep).
        var access = await SendAsync(world.Admin, "PUT", $"/api/v1/people/{crn}/access", world.ValidBody(typeof(CaseAccessDetails))!.ToJsonString(), ifMatch: "\"0\"");
        Assert.True(access.StatusCode == HttpStatusCode.OK, $"Setting up case access: {(int)access.StatusCode} {await BriefAsync(access)}");
        world.Add("orders", await CreateAsync(world, $"/api/v1/people/{crn}/orders", typeof(OrderDetails)));
        world.Add("courts", "Birmingham Magistrates' Court");
        world.Body<RarProposalRequest>(() => new() { ["ogrsPercent"] = 47, ["sexualOffence"] = false, ["proposedDays"] = 12, ["reason"] = "Three needs linked to offending" });
        world.Add("requirements", await CreateAsync(world, $"/api/v1/orders/{world.Id("orders")}/requirements", typeof(RequirementDetails)));
        world.Body<Domain.Rar.NoSuitableActivityDetails>(() => new()
        {
            ["need"] = nameof(Domain.Risk.NeedArea.Accommodation), ["reason"] = "No housing provider takes referrals in this area", ["whatWasConsidered"] = "Two local services",
        });
        // The assignment is on a second order: allocating changes an order's version, and the sweep's updates name version 1.
        var allocated = await CreateAsync(world, $"/api/v1/people/{crn}/orders", typeof(OrderDetails));
        world.Add("assignments", await CreateAsync(world, $"/api/v1/orders/{allocated}/assignments", typeof(AssignmentDetails)));
        world.Add("queue", world.Id("orders").ToString(CultureInfo.InvariantCulture));
        world.Body<AllocationRequest>(() => new() { ["eventId"] = world.Id("orders"), ["staffId"] = world.Id("officer"), ["overrideReason"] = null, ["handoverNote"] = "Induction booked", ["reason"] = "Allocation" });
        world.Body<ReallocationRequest>(() => new()
        {
            ["eventIds"] = new JsonArray(world.Id("orders")), ["staffId"] = world.Id("officer"), ["reason"] = "Officer leaving", ["handoverNote"] = "Seen last week", ["overrideReason"] = null,
        });
        world.Body<TransferRequest>(() => new() { ["teamId"] = world.Id("teams"), ["reason"] = "Wrong area" });

        world.Body<LocationDetails>(() => new() { ["name"] = "Sweep probation office", ["address"] = "1 Sweep Street, Birmingham B1 1AA", ["teamId"] = world.Id("teams") });
        world.Body<RoomDetails>(() => new() { ["name"] = TestData.Unique("Room "), ["isPrivate"] = true, ["capacity"] = 12 });
        world.Body<AppointmentDetails>(() => new()
        {
            ["type"] = nameof(AppointmentType.OfficeInterview), ["startsAt"] = "2026-11-30T10:00:00Z", ["durationMinutes"] = 60, ["staffMemberId"] = world.Id("staff"),
            ["orderId"] = world.Id("orders"), ["locationId"] = world.Id("locations"), ["roomId"] = world.Id("rooms"), ["isEnforceable"] = true,
            ["countsTowardsRar"] = false, ["notes"] = "First appointment after sentence",
        });
        world.Body<ContactRequest>(() => new()
        {
            ["type"] = nameof(AppointmentType.HomeVisit), ["startsAt"] = "2026-11-20T10:00:00Z", ["durationMinutes"] = 45, ["staffMemberId"] = world.Id("staff"),
            ["orderId"] = world.Id("orders"), ["isEnforceable"] = true, ["countsTowardsRar"] = false, ["notes"] = "Planned visit",
            ["outcome"] = nameof(AppointmentOutcome.AttendedComplied), ["outcomeNotes"] = "Seen at home",
        });
        world.Body<OutcomeDetails>(() => new()
        {
            ["outcome"] = nameof(AppointmentOutcome.AcceptableAbsence), ["notes"] = "Phoned ahead", ["absenceReason"] = "Ill", ["absenceEvidence"] = "GP's note seen, copy on file",
        });
        world.Body<GroupSessionDetails>(() => new()
        {
            ["type"] = nameof(AppointmentType.GroupInduction), ["startsAt"] = "2026-12-01T10:00:00Z", ["durationMinutes"] = 90, ["locationId"] = world.Id("locations"),
            ["roomId"] = world.Id("rooms"), ["title"] = "Induction", ["facilitatorStaffIds"] = new JsonArray(world.Id("staff")), ["maximumAttendeesPerStaff"] = 6,
        });
        world.Body<GroupAttendeeRequest>(() => new() { ["crn"] = crn, ["orderId"] = world.Id("orders"), ["isEnforceable"] = true, ["countsTowardsRar"] = false, ["notes"] = "Booked at induction" });
        world.Add("locations", await CreateAsync(world, "/api/v1/locations", typeof(LocationDetails)));
        world.Add("rooms", await CreateAsync(world, $"/api/v1/locations/{world.Id("locations")}/rooms", typeof(RoomDetails)));
        var arranged = await world.Admin.PostAsync($"/api/v1/people/{crn}/appointments",
            new StringContent(world.ValidBody(typeof(AppointmentDetails))!.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(arranged.StatusCode == HttpStatusCode.Created, $"Setting up an appointment: {(int)arranged.StatusCode} {await BriefAsync(arranged)}");
        using (var body = JsonDocument.Parse(await arranged.Content.ReadAsStringAsync()))
        {
            world.Add("appointments", body.RootElement.GetProperty("appointments")[0].GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        world.Add("group-sessions", await CreateAsync(world, "/api/v1/group-sessions", typeof(GroupSessionDetails)));

        // Enforcement: an unacceptable absence opens a failure to comply to decide.
        var absence = world.ValidBody(typeof(ContactRequest))!;
        absence["startsAt"] = "2026-11-19T10:00:00Z";
        absence["outcome"] = nameof(AppointmentOutcome.UnacceptableAbsence);
        absence["outcomeNotes"] = "Not at home; no contact since";
        var absent = await world.Admin.PostAsync($"/api/v1/people/{crn}/contacts", new StringContent(absence.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(absent.StatusCode == HttpStatusCode.Created, $"Setting up a failure to comply: {(int)absent.StatusCode} {await BriefAsync(absent)}");
        using (var body = JsonDocument.Parse(await (await world.Admin.GetAsync($"/api/v1/people/{crn}/enforcement")).Content.ReadAsStringAsync()))
        {
            world.Add("enforcement", body.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        // A breach pack: an earlier failure, breached on professional judgement.
        absence["startsAt"] = "2026-11-17T10:00:00Z";
        var breached = await world.Admin.PostAsync($"/api/v1/people/{crn}/contacts", new StringContent(absence.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(breached.StatusCode == HttpStatusCode.Created, $"Setting up a breach: {(int)breached.StatusCode} {await BriefAsync(breached)}");
        using (var body = JsonDocument.Parse(await (await world.Admin.GetAsync($"/api/v1/people/{crn}/enforcement")).Content.ReadAsStringAsync()))
        {
            var earlier = body.RootElement.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("failureDate").GetString() == "2026-11-17");
            var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enforcement/{earlier.GetProperty("id").GetInt32()}/decision")
            {
                Content = new StringContent("""{"decision":"Breach","reason":"Threatened staff at the office: a serious first failure"}""", Encoding.UTF8, "application/json"),
            };
            decide.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{earlier.GetProperty("version").GetInt32()}\""));
            var decided = await world.Admin.SendAsync(decide);
            Assert.True(decided.StatusCode == HttpStatusCode.OK, $"Deciding a breach: {(int)decided.StatusCode} {await BriefAsync(decided)}");
            world.Add("breach-packs", earlier.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        world.Body<EnforcementDecisionDetails>(() => new() { ["decision"] = nameof(EnforcementDecision.Warning), ["reason"] = "First failure; warned by letter" });
        world.Body<WarningWithdrawalRequest>(() => new() { ["reason"] = "A fit note for the day arrived within the seven days" });

        // Sentence plans: a draft on the world's order.
        world.Body<SentencePlanDetails>(() => new()
        {
            ["personGoals"] = "Keep my flat", ["personAgreesTo"] = "Weekly meetings", ["personDisagreesWith"] = "Nothing", ["riskManagementPlan"] = "Address checks",
            ["objectives"] = new JsonArray(new JsonObject
            {
                ["need"] = nameof(NeedArea.Accommodation), ["description"] = "Keep the tenancy", ["agreedOutcome"] = "Tenancy kept",
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["description"] = "Refer to housing support", ["owner"] = nameof(PlanActionOwner.ResponsibleOfficer), ["ownerName"] = null, ["targetDate"] = "2026-12-04",
                }),
            }),
        });
        world.Body<PlanAgreementRequest>(() => new() { ["meetingAppointmentId"] = null });
        world.Body<PlanCountersignatureRequest>(() => new() { ["approve"] = true, ["note"] = "Proportionate" });
        world.Body<PlanReviewDetails>(() => new() { ["reason"] = nameof(PlanReviewReason.OtherChange), ["note"] = "New partner" });
        world.Add("sentence-plans", await CreateAsync(world, $"/api/v1/orders/{world.Id("orders")}/sentence-plans", typeof(SentencePlanDetails)));

        // Letters: the world's appointment's letter.
        world.Body<AppointmentLetterRequest>(() => new() { ["appointmentId"] = world.Id("appointments") });
        world.Body<LetterSendingRequest>(() => new() { ["sentOn"] = "2026-11-23", ["how"] = nameof(Domain.Letters.LetterDelivery.Post) });
        world.Add("letters", await CreateAsync(world, "/api/v1/letters", typeof(AppointmentLetterRequest)));

        // Risk: an assessment, a named one, and a lower tier waiting, so the tier-change actions have a record.
        world.Body<RiskAssessmentRequest>(() => new()
        {
            ["assessedOn"] = "2026-11-20", ["layer"] = nameof(AssessmentLayer.Layer3), ["isComplete"] = true, ["rosh"] = nameof(RoshLevel.High),
            ["roshChildren"] = nameof(RoshLevel.Medium), ["roshPublic"] = nameof(RoshLevel.High), ["roshKnownAdult"] = nameof(RoshLevel.Low),
            ["roshStaff"] = nameof(RoshLevel.Low), ["roshPrisoners"] = nameof(RoshLevel.Low), ["rsrPercent"] = 1.5, ["ogrsPercent"] = 47,
            ["needs"] = new JsonObject { ["accommodation"] = nameof(NeedSeverity.Standard) }, ["parentingResponsibilities"] = false,
            ["impulsivityOrTemperControl"] = false, ["notes"] = "Full assessment",
        });
        world.Body<NamedAssessmentDetails>(() => new()
        {
            ["tool"] = nameof(AssessmentTool.Sara), ["toolName"] = "SARA version 3", ["result"] = nameof(RiskBand.High), ["assessedOn"] = "2026-11-10", ["notes"] = "Risk to partner",
        });
        world.Body<TieringCalculateRequest>(() => new()
        {
            ["policy"] = "england-wales", ["rosh"] = "MEDIUM", ["rsrPercent"] = 5.2, ["ogrsPercent"] = 47, ["mappaLevel"] = 0,
            ["complexityFactors"] = new JsonArray("mentalHealth"), ["iom"] = false, ["changeRequired"] = true,
            ["needs"] = new JsonObject { ["accommodation"] = "STANDARD" }, ["gender"] = "MALE", ["parentingResponsibilities"] = false,
            ["impulsivityOrTemperControl"] = false, ["breachOrRecallInLast12Months"] = false,
        });
        world.Body<TierReasonRequest>(() => new() { ["reason"] = "Reassessed after the programme: risk reduced" });
        world.Body<TierCountersignRequest>(() => new() { ["approve"] = true, ["note"] = "Agreed at supervision" });
        world.Body<TierRecalculationRequest>(() => new() { ["reason"] = "Checking after a court hearing" });
        world.Add("assessments", await CreateAsync(world, $"/api/v1/people/{crn}/assessments", typeof(RiskAssessmentRequest), "assessment.id"));
        world.Add("named-assessments", await CreateAsync(world, $"/api/v1/people/{crn}/named-assessments", typeof(NamedAssessmentDetails)));
        var lower = world.ValidBody(typeof(RiskAssessmentRequest))!;
        lower["rosh"] = nameof(RoshLevel.Low);
        lower["roshChildren"] = nameof(RoshLevel.Low);
        lower["roshPublic"] = nameof(RoshLevel.Low);
        var lowered = await world.Admin.PostAsync($"/api/v1/people/{crn}/assessments", new StringContent(lower.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(lowered.StatusCode == HttpStatusCode.Created, $"Setting up a lower tier: {(int)lowered.StatusCode} {await BriefAsync(lowered)}");
        using (var body = JsonDocument.Parse(await lowered.Content.ReadAsStringAsync()))
        {
            world.Add("tier-changes", body.RootElement.GetProperty("pendingTier").GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        // From now on a valid assignment names someone who is not already responsible for the order.
        world.Add("officer", await CreateAsync(world, "/api/v1/staff", typeof(StaffDetails)));
        return world;
    }

    private static async Task<string> CreateAsync(World world, string url, Type bodyType, string key = "id")
    {
        var response = await world.Admin.PostAsync(url, new StringContent(world.ValidBody(bodyType)!.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Setting up {url}: {(int)response.StatusCode} {await BriefAsync(response)}");
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var value = key.Split('.').Aggregate(created.RootElement, (element, name) => element.GetProperty(name));
        return value.ValueKind == JsonValueKind.Number ? value.GetInt32().ToString(CultureInfo.InvariantCulture) : value.GetString()!;
    }

    // ---- "Leaves the data unchanged" ---------------------------------------------------------------------------

    /// <summary>Row count, highest and total version of every versioned table: any insert or update changes one of them.</summary>
    private Task<SortedDictionary<string, (int Rows, int MaxVersion, long VersionSum)>> SnapshotAsync() => app.WithDbAsync(async db =>
    {
        var snapshot = new SortedDictionary<string, (int, int, long)>(StringComparer.Ordinal);
        var measure = typeof(MalformedInputTests).GetMethod(nameof(MeasureAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var property in typeof(OpenProbationDbContext).GetProperties())
        {
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DbSet<>) && typeof(IVersioned).IsAssignableFrom(type.GetGenericArguments()[0]))
            {
                var task = (Task<(int, int, long)>)measure.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [property.GetValue(db)])!;
                snapshot[property.Name] = await task;
            }
        }

        return snapshot;
    });

    private static async Task<(int, int, long)> MeasureAsync<T>(DbSet<T> set)
        where T : class, IVersioned
    {
        var versions = await set.AsNoTracking().Select(e => e.Version).ToListAsync();
        return (versions.Count, versions.DefaultIfEmpty().Max(), versions.Sum(v => (long)v));
    }
}

public sealed class MalformedInputTests_Sqlite(SqliteApp app) : MalformedInputTests(app), IClassFixture<SqliteApp>;

public sealed class MalformedInputTests_Postgres(PostgresApp app) : MalformedInputTests(app), IClassFixture<PostgresApp>;
