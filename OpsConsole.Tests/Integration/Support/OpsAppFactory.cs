using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.DataProtection;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The real app (Program) in memory on a given database, with demo data unless a setting says otherwise; several may
/// share one database, as instances behind a load balancer do.
/// </summary>
public partial class OpsAppFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var all = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
            ["Demo:Enabled"] = "true",
            // The living demo's feeds post on their own; a test that wants them asks.
            ["Demo:LiveFeeds"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            [KeyProtectionOptions.PathSetting] = CertificatePath,
        };
        if (Clock is not null)
            foreach (var (key, value) in HeldClock.Settings)
                all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        // Host configuration reaches Program as arguments, so it is seen before builder.Build() (the embedded check).
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(all));
        // Warnings and errors from everywhere (or more, as a subclass asks), and the live mechanism's Information (refusals,
        // and SignalR's record of each refusal the hub threw).
        builder.ConfigureLogging(l => l.AddFakeLogging()
            .AddFilter<FakeLoggerProvider>(null, CapturedLevel)
            .AddFilter<FakeLoggerProvider>("OpsConsole.Platform.Live", LogLevel.Information)
            .AddFilter<FakeLoggerProvider>(HubAnswersLogLevel.DispatcherCategory, LogLevel.Information));
        return base.CreateHost(builder);
    }

    /// <summary>The app's clock, when a test moves time itself; start it at the real time, since Data Protection keys
    /// created now must already be valid at the clock's start.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Serves on real Kestrel at 127.0.0.1 (any free port) instead of in memory, for what only a socket shows:
    /// the client's address and the server's own headers. Call before anything else uses the factory.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton(clock));
    }

    /// <summary>The run's key-protection certificate, shared by every instance of the run and never in the home folder.</summary>
    public static string CertificatePath => string.IsNullOrEmpty(TestPostgres.RunDirectory)
        ? throw new InvalidOperationException("The test PostgreSQL server has not started; create the test database first.")
        : Path.Combine(TestPostgres.RunDirectory, KeyProtectionOptions.FileName);

    /// <summary>The lowest level kept from every category.</summary>
    protected virtual LogLevel CapturedLevel => LogLevel.Warning;

    /// <summary>What the app logged at <see cref="CapturedLevel"/> and above, and what its live mechanism and hub logged at Information.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>The principal a sign-in of this user would carry now, tied to <paramref name="session"/> when one is given.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email, Guid? session = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<OpsUser>>().CreateUserPrincipalAsync(user);
        if (session is { } id)
            SessionClaims.Carry(principal, id);
        return principal;
    }

    /// <summary>Signs in through the login form and returns the Cookie header that carries the session.</summary>
    public async Task<string> SignInAsync(string email, string password = DemoSeed.Password)
    {
        var cookies = new CookieContainer();
        using var client = CreateDefaultClient(new CookieContainerHandler(cookies));
        using var response = await PostSignInAsync(client, email, password);
        var header = cookies.GetCookieHeader(client.BaseAddress!);
        return header.Contains("ops.auth", StringComparison.Ordinal) ? header
            : throw new InvalidOperationException($"Signing in {email} gave {(int)response.StatusCode} and no session cookie.");
    }

    /// <summary>Fills in and posts the sign-in form as a browser would; the client must keep cookies between the two requests.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/login"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/login", form);
    }

    /// <summary>Presses "Sign out" on a page, as the signed-in browser holding <paramref name="cookie"/> would.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string cookie)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", cookie);
        using var shown = await client.SendAsync(page);
        var token = AntiforgeryToken(await shown.Content.ReadAsStringAsync());
        // The page sets an antiforgery cookie unless the browser holds one already.
        var antiforgery = (shown.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            .Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        signOut.Headers.Add("Cookie", string.Join("; ", antiforgery.Prepend(cookie)));
        return await client.SendAsync(signOut);
    }

    static string AntiforgeryToken(string page) => AntiforgeryField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex(@"<input(?=[^>]*name=""__RequestVerificationToken"")[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryField();
}
