using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Users;
using OpenProbation.Web.Security;

namespace OpenProbation.Cli;

internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "User name the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "command line" };
        var days = new Option<int?>("--days") { Description = "Expire after this many days (default: never)." };
        var scopes = new Option<string>("--scope") { Description = "What the token may do: 'read' (GET only) or 'read write' (default).", DefaultValueFactory = _ => "read write" };
        var create = new Command("create", "Create an API bearer token for a user and print it (only the token, on standard output).") { user, name, days, scopes };
        create.SetAction(async (parse, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            var userName = parse.GetValue(user)!;
            var account = await UserAccounts.FindAsync(db, userName);
            if (account is null)
            {
                await context.Error.WriteLineAsync($"There is no user '{userName}'. Create one with 'openprobation user create' or load the demo.");
                return 1;
            }

            if (parse.GetValue(days) is { } d && d is < 1 or > 3650)
            {
                await context.Error.WriteLineAsync("--days must be between 1 and 3650.");
                return 2;
            }

            if (TokenScopes.Normalise(parse.GetValue(scopes)) is not { } granted)
            {
                await context.Error.WriteLineAsync($"--scope must list one or more of: {string.Join(", ", TokenScopes.All)}.");
                return 2;
            }

            var lifetime = parse.GetValue(days) is { } valid ? TimeSpan.FromDays(valid) : (TimeSpan?)null;
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var secret = await ApiTokens.CreateAsync(db, account, parse.GetValue(name)!, lifetime, clock, ct, granted);
            await context.Output.WriteLineAsync(secret);
            return 0;
        });

        var listUser = new Option<string?>("--user") { Description = "Only this user's tokens." };
        var list = new Command("list", "List tokens (never their secrets).") { listUser };
        list.SetAction(async (parse, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var query = db.ApiTokens.AsNoTracking();
            if (parse.GetValue(listUser) is { } only)
            {
                var normalised = only.ToUpperInvariant();
                query = query.Where(t => t.User!.NormalizedUserName == normalised);
            }

            var tokens = await query.OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Prefix, t.Name, t.User!.UserName, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt })
                .ToListAsync(ct);
            await context.Output.WriteLineAsync("id\tuser\tprefix\tname\tscopes\tcreated\texpires\trevoked");
            foreach (var t in tokens)
            {
                await context.Output.WriteLineAsync($"{t.Id}\t{t.UserName}\t{t.Prefix}…\t{t.Name}\t{t.Scopes}\t{t.CreatedAt:u}\t{t.ExpiresAt:u}\t{t.RevokedAt:u}");
            }

            return 0;
        });

        var id = new Option<int>("--id") { Description = "Token id from 'token list'.", Required = true };
        var revoke = new Command("revoke", "Revoke a token at once.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == parse.GetValue(id), ct);
            if (token is null)
            {
                await context.Error.WriteLineAsync("There is no token with that id.");
                return 1;
            }

            token.RevokedAt ??= scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            await db.SaveChangesAsync(ct);
            await context.Output.WriteLineAsync($"Token {token.Id} revoked.");
            return 0;
        });

        return new Command("token", "API bearer tokens.") { create, list, revoke };
    }
}
