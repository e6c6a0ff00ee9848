using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenProbation.Browser.Tests.Infrastructure;

/// <summary>
/// One user's visit in a fresh browser context. Every page the browser arrives at must be checked with axe-core
/// (<see cref="ArrivedAsync"/>) before the journey ends; <see cref="FinishAsync"/> fails if one was not.
/// </summary>
public sealed partial class Journey : IAsyncDisposable
{
    private readonly BrowserApp _app;
    private readonly IBrowserContext _context;
    private readonly List<string> _unchecked = [];
    private readonly List<string> _problems = [];

    private Journey(BrowserApp app, IBrowserContext context, IPage page, Scripts scripts)
    {
        _app = app;
        _context = context;
        Page = page;
        Scripts = scripts;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                lock (_unchecked)
                {
                    _unchecked.Add(frame.Url);
                }
            }
        };
        // A blocked script or style (the CSP) or a broken asset shows here.
        page.Console += (_, message) =>
        {
            // A page that answers 404 on purpose (a case the user may not see) is not a broken asset.
            var expectedNotFound = message.Text.Contains("status of 404", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal) && _notFoundExpected;
            if (message.Type == "error" && !expectedNotFound)
            {
                lock (_problems)
                {
                    _problems.Add($"console error on {page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add($"script error on {page.Url}: {error}");
            }
        };
    }

    private bool _notFoundExpected;
    private IBrowserContext? _checker;

    public IPage Page { get; }

    public Scripts Scripts { get; }

    internal static async Task<Journey> StartAsync(BrowserApp app, IBrowserContext context, Scripts scripts) =>
        new(app, context, await context.NewPageAsync(), scripts);

    /// <summary>Opens a path and checks the page it lands on.</summary>
    public async Task<IResponse?> GotoAsync(string path, string? heading = null)
    {
        _notFoundExpected = heading == "Page not found";
        var response = await Page.GotoAsync(path);
        await ArrivedAsync(heading);
        return response;
    }

    /// <summary>
    /// The browser is on a new page: wait for it (and its main heading, when given), then run axe-core on it.
    /// </summary>
    public async Task ArrivedAsync(string? heading = null)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        if (heading is not null)
        {
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        await CheckAccessibilityAsync();
        lock (_unchecked)
        {
            _unchecked.Clear();
        }
    }

    /// <summary>
    /// axe-core needs JavaScript (it waits on timers, which never fire in a page with scripts disabled). Without
    /// JavaScript, the page as the browser parsed it is checked in a second, scripted page, with the application's
    /// own scripts blocked there so it renders as it did here.
    /// </summary>
    private async Task CheckAccessibilityAsync()
    {
        // A document that already passed (the home page after every sign-in) is not checked again: the same
        // markup at the same size gives the same result. Anti-forgery tokens differ on every request.
        var html = await Page.ContentAsync();
        var key = $"{Scripts} {Page.Url} {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(TokenValue().Replace(html, ""))))}";
        if (_app.AccessibilityPassed.ContainsKey(key))
        {
            return;
        }

        await CheckAccessibilityAsync(html);
        _app.AccessibilityPassed.TryAdd(key, true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex TokenValue();

    private async Task CheckAccessibilityAsync(string html)
    {
        if (Scripts == Scripts.On)
        {
            await Accessibility.AssertNoViolationsAsync(Page);
            return;
        }

        var url = Page.Url;
        if (_checker is null)
        {
            _checker = await _context.Browser!.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = "en-GB",
            });
            await _checker.RouteAsync(new Regex(@"\.m?js(\?.*)?$"), route => route.AbortAsync());
        }

        // The document is this page's, as parsed; its styles and images come from the application.
        await _checker.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        var page = await _checker.NewPageAsync();
        try
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.CloseAsync();
            await _checker.UnrouteAsync(url);
        }
    }

    /// <summary>Follows a link of the header's navigation and checks the page it leads to.</summary>
    public async Task NavigateAsync(string link, string heading)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await ArrivedAsync(heading);
    }

    /// <summary>The header's navigation links, in order.</summary>
    public async Task<IReadOnlyList<string>> NavigationAsync() =>
        [.. (await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>Signs in on the sign-in page and checks the header shows who is signed in.</summary>
    public async Task SignInAsync(string userName, string password = Web.Features.Demo.DemoGenerator.DefaultPassword)
    {
        if (!Page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await GotoAsync("/sign-in", "Sign in to OpenProbation");
        }

        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Signed in as")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await ArrivedAsync();
    }

    /// <summary>The current path and query, e.g. "/people/X123456".</summary>
    public string PathAndQuery => new Uri(Page.Url).PathAndQuery;

    public async Task ExpectPathAsync(string path) =>
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(_app.BaseAddress, path).ToString()) + "(\\?[^#]*)?(#.*)?$"));

    /// <summary>Saves a screenshot of the page as docs/screenshots/NAME.png (SQLite run with JavaScript only).</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        if (!_app.TakesScreenshots || Scripts != Scripts.On)
        {
            return;
        }

        var folder = Path.Combine(RepositoryRoot.Path, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>Ends the journey: fails if a page was not checked with axe-core, or the browser reported errors.</summary>
    public async Task FinishAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        string[] notChecked;
        lock (_unchecked)
        {
            notChecked = [.. _unchecked];
        }

        Assert.True(notChecked.Length == 0, "Pages visited without an accessibility check: " + string.Join(", ", notChecked));
        string[] problems;
        lock (_problems)
        {
            problems = [.. _problems];
        }

        Assert.True(problems.Length == 0, "The browser reported problems:\n" + string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync()
    {
        if (_checker is not null)
        {
            await _checker.DisposeAsync();
        }

        await _context.DisposeAsync();
    }
}
