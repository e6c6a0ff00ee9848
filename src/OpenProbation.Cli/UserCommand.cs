using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Users;
using OpenProbation.Web.Security;

namespace OpenProbation.Cli;

internal static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--user") { Description = "User name.", Required = true };
        var role = new Option<string>("--role") { Description = "Role: " + string.Join(", ", Roles.All), Required = true };
        var display = new Option<string?>("--display-name") { Description = "Name shown to others (default: the user name)." };
        var password = new Option<string?>("--password")
        {
            Description = "Password (at least 12 characters with upper and lower case and a digit). Read from OPENPROBATION_PASSWORD when omitted.",
        };
        var staff = new Option<int?>("--staff-id") { Description = "Link the account to this staff record." };
        var create = new Command("create", "Create a sign-in account, or update its role and password.") { name, role, display, password, staff };
        create.SetAction(async (parse, ct) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("OPENPROBATION_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                await context.Error.WriteLineAsync("Give --password or set OPENPROBATION_PASSWORD.");
                return 2;
            }

            if (!Roles.All.Contains(parse.GetValue(role)!))
            {
                await context.Error.WriteLineAsync($"Unknown role. Roles: {string.Join(", ", Roles.All)}.");
                return 2;
            }

            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            try
            {
                var userName = parse.GetValue(name)!;
                await UserAccounts.CreateOrUpdateAsync(
                    scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
                    scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
                    userName, parse.GetValue(display) ?? userName, parse.GetValue(role)!, secret, parse.GetValue(staff));
                await context.Output.WriteLineAsync($"User '{userName}' saved with role {parse.GetValue(role)}.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await context.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return new Command("user", "Sign-in accounts.") { create };
    }
}
