using System.Collections.Concurrent;
using Microsoft.Playwright;
using OpsConsole.E2E.Pages;

namespace OpsConsole.E2E.Support;

/// <summary>
/// One Playwright driver and one headless Debian Chromium per run (never a downloaded browser). Each role signs in
/// once through the sign-in page; later sessions for that role start from its saved storage state.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const float Timeout = 15_000;
    const string Executable = "/usr/bin/chromium";

    readonly ConcurrentDictionary<string, Lazy<Task<string>>> storageStates = new();
    readonly string stateDir = Directory.CreateTempSubdirectory("opsconsole-e2e-state-").FullName;
    IPlaywright? playwright;
    IBrowser? browser;

    IPlaywright Driver => playwright ?? throw new InvalidOperationException("Playwright is not started.");
    IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (scripts/prerequisites.sh chromium).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout(Timeout);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 2 * Timeout, // a cold start on a busy machine
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        Directory.Delete(stateDir, recursive: true);
    }

    /// <summary>A fresh context on the app, signed in as <paramref name="user"/> when given; its screenshot is named <paramref name="name"/>.</summary>
    public async Task<BrowserSession> OpenAsync(ConsoleApp app, DemoUser? user, string name)
    {
        var statePath = user is null ? null : await StorageStateAsync(app, user);
        var (context, page) = await NewPageAsync(app, statePath);
        return new BrowserSession(context, page, Artifacts.PathFor(name + ".png"));
    }

    /// <summary>HTTP requests without a browser, as a program would send them; redirects are not followed.</summary>
    public Task<IAPIRequestContext> NewRequestContextAsync(ConsoleApp app) =>
        Driver.APIRequest.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), MaxRedirects = 0, Timeout = Timeout });

    /// <summary>Drops the saved sign-in of <paramref name="user"/> after a test ended their sessions on the server, so the
    /// next test that opens as them signs in afresh.</summary>
    public void ForgetSignIn(ConsoleApp app, DemoUser user) => storageStates.TryRemove(Key(app, user), out _);

    static string Key(ConsoleApp app, DemoUser user) => $"{app.BaseUrl}|{user.Email}";

    Task<string> StorageStateAsync(ConsoleApp app, DemoUser user) =>
        storageStates.GetOrAdd(Key(app, user), _ => new(() => SignInOnceAsync(app, user))).Value;

    async Task<string> SignInOnceAsync(ConsoleApp app, DemoUser user)
    {
        var (context, page) = await NewPageAsync(app, statePath: null);
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(user.Email, DemoUser.Password);
            await Assertions.Expect(new ShellPage(page).CurrentUser).ToHaveTextAsync(user.DisplayName);
            var path = Path.Combine(stateDir, $"{app.BaseUrl.Port}-{user.Email}-{Guid.NewGuid():N}.json");
            await context.StorageStateAsync(new() { Path = path });
            return path;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(ConsoleApp app, string? statePath)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl.ToString(),
            StorageStatePath = statePath,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return (context, await context.NewPageAsync());
    }
}
