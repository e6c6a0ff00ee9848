namespace OpenProbation.Web.Features.Audit;

/// <summary>Who is acting and from where, as an audit event records it.</summary>
public sealed record AuditIdentity(string Actor, AuditChannel Channel, string Source)
{
    public static readonly AuditIdentity System = new("system", AuditChannel.System, "system");
}

/// <summary>
/// The acting user of the current scope. In a request it is read from the HttpContext when an event is written
/// (not when the scope starts: authentication itself uses the database before the user is known); the command
/// line sets it explicitly with <see cref="Set"/>. Anything else is "system".
/// </summary>
public sealed class AuditActor(IHttpContextAccessor? http = null)
{
    private AuditIdentity? _explicit;

    /// <summary>Sets who acts for the rest of the scope, e.g. the command line's operating-system user.</summary>
    public void Set(AuditIdentity identity) => _explicit = identity;

    /// <summary>The identity to record now.</summary>
    public AuditIdentity Current()
    {
        if (_explicit is not null)
        {
            return _explicit;
        }

        var context = http?.HttpContext;
        if (context is null)
        {
            return AuditIdentity.System;
        }

        var name = context.User.Identity?.IsAuthenticated == true && !string.IsNullOrWhiteSpace(context.User.Identity.Name)
            ? context.User.Identity.Name
            : "anonymous";
        var channel = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? AuditChannel.Api : AuditChannel.Web;
        return new AuditIdentity(name, channel, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>The identity of an <c>openprobation</c> command run by <paramref name="userName"/> (the operating-system user).</summary>
    public static AuditIdentity CommandLine(string userName) =>
        new(string.IsNullOrWhiteSpace(userName) ? "cli" : userName, AuditChannel.Cli, "cli");
}
