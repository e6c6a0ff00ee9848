using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Letters;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Court;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Rar;
using OpenProbation.Web.Features.Reports;
using OpenProbation.Web.Features.SentencePlans;
using OpenProbation.Web.Features.Staff;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;
using Scalar.AspNetCore;

namespace OpenProbation.Web;

/// <summary>Builds the web application; shared by the web project's entry point and <c>openprobation serve</c>.</summary>
public static class OpenProbationApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Request URLs and SQL can carry names and CRNs: framework logs stay at warnings unless configured otherwise.
        // Inserted ahead of the configured rules, which therefore win.
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.AspNetCore", LogLevel.Warning, null));
            o.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.EntityFrameworkCore", LogLevel.Warning, null));
        });
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>Everything the web application and the command-line tool need.</summary>
    public static IServiceCollection AddCoreServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditActor>();
        services.AddSingleton(sp => TieringConfiguration.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => ContactConfiguration.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => ContactConfiguration.ReadDelivery(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => Features.Letters.LetterRecord.ReadSettings(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => WorkloadConfiguration.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddOpenProbationDatabase();
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OpenProbationDbContext>()
            .AddClaimsPrincipalFactory<OpenProbationClaimsFactory>();
        return services;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoreServices();
        services.AddWebSecurity(configuration);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.Add(new PagePolicyConvention());
        });
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReadCases, p => p.RequireRole(Policies.CaseReaders))
            .AddPolicy(Policies.EditCases, p => p.RequireRole(Policies.CaseEditors))
            .AddPolicy(Policies.ReadOrganisation, p => p.RequireRole(Policies.OrganisationReaders))
            .AddPolicy(Policies.ManageOrganisation, p => p.RequireRole(Policies.OrganisationManagers))
            .AddPolicy(Policies.AllocateCases, p => p.RequireRole(Policies.Allocators))
            .AddPolicy(Policies.ManageCaseAccess, p => p.RequireRole(Policies.CaseAccessManagers))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.HoldCaseload, p => p.RequireRole(Policies.CaseHolders))
            .AddPolicy(Policies.ReadTeamCaseloads, p => p.RequireRole(Policies.TeamCaseloadReaders))
            .AddPolicy(Policies.ReadWorkloads, p => p.RequireRole(Policies.WorkloadReaders))
            .AddPolicy(Policies.ManageReductions, p => p.RequireRole(Policies.OrganisationManagers))
            .AddPolicy(Policies.EnterCourtOutcomes, p => p.RequireRole(Policies.CourtOutcomeEnterers))
            .AddPolicy(Policies.ReadCourtFeedback, p => p.RequireRole(Policies.CourtFeedbackReaders))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Policies.Administrators))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Policies.AuditReaders))
            .AddPolicy(Policies.ExportSubjectAccess, p => p.RequireRole(Policies.SubjectAccessExporters))
            .AddPolicy(Policies.CountersignRiskDecisions, p => p.RequireRole(Policies.Countersigners))
            .AddPolicy(Policies.OverrideAllocationRules, p => p.RequireRole(Policies.Countersigners))
            .AddPolicy(Policies.AnswerWorkloadChallenges, p => p.RequireRole(Policies.Countersigners));
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<DailyTierRecalculation>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyTierRecalculation>());
        services.AddSingleton<DailyWorkloadSnapshot>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyWorkloadSnapshot>());
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OpenProbation API",
                    Version = "v1",
                    Description = "Case records, orders, requirements and the organisation that supervises them. "
                        + "Every call needs a bearer token (openprobation token create --user NAME). Errors are RFC 7807 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An OpenProbation API token, e.g. op_…",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();

        // Read the policies now, so wrong configuration stops the start with its message rather than failing a request later.
        _ = app.Services.GetRequiredService<TieringPolicies>();
        _ = app.Services.GetRequiredService<ContactPolicies>();
        app.UseWebSecurity();
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ProblemResponses.HandleExceptionAsync });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request.Path), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();

        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (OpenProbationDbContext db, CancellationToken ct) =>
                await DatabaseSetup.IsReadyAsync(db, ct)
                    ? Results.Ok(new { status = "ready" })
                    : Results.Problem(statusCode: 503, title: "Not ready", detail: "The database is unreachable or not migrated."))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("OpenProbation API")).AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .AddEndpointFilterFactory(StrictQueryParameters.Create)
            .AddEndpointFilter(TokenScopes.EnforceAsync);
        api.MapOrganisation();
        api.MapStaff();
        api.MapPeople();
        api.MapOrders();
        api.MapCaseAccess();
        api.MapAudit();
        api.MapTiering();
        api.MapLocations();
        api.MapAppointments();
        api.MapWorkload();
        api.MapWorkloadChallenges();
        api.MapAllocations();
        api.MapGroupSessions();
        api.MapCompliance();
        api.MapRar();
        api.MapEnforcement();
        api.MapLetters();
        api.MapRequirementChecks();
        api.MapRequirementsNeedingAction();
        api.MapSentencePlans();
        api.MapRarProposals();
        api.MapCourtReports();
        return app;
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
