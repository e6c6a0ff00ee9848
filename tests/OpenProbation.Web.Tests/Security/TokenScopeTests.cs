using OpenProbation.Web.Security;

namespace OpenProbation.Web.Tests.Security;

/// <summary>Token scopes: what a token may do on top of its user's role (issue 3 part 1).</summary>
public sealed class TokenScopeTests
{
    [Theory]
    [InlineData("read", "read")]
    [InlineData("write read", "read write")]
    [InlineData("READ, write", "read write")]
    [InlineData(" read  read ", "read")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("read admin", null)]
    [InlineData("api", null)]
    public void Scopes_are_normalised_and_unknown_ones_refused(string? text, string? expected) =>
        Assert.Equal(expected, TokenScopes.Normalise(text));

    [Theory]
    [InlineData("read", "GET", true)]
    [InlineData("read", "HEAD", true)]
    [InlineData("read", "POST", false)]
    [InlineData("read", "PUT", false)]
    [InlineData("read", "DELETE", false)]
    [InlineData("write", "PUT", true)]
    [InlineData("read write", "POST", true)]
    [InlineData("api", "PUT", true)]
    [InlineData("", "GET", false)]
    public void A_scope_allows_the_methods_it_names(string scopes, string method, bool allowed) =>
        Assert.Equal(allowed, TokenScopes.Allows(scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), method));
}
