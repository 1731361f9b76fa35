using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpsConsole.Features.Identity;
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
            ["Logging:LogLevel:Default"] = "Warning",
            [KeyProtectionOptions.PathSetting] = CertificatePath,
        };
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

    /// <summary>The run's key-protection certificate, shared by every instance of the run and never in the home folder.</summary>
    public static string CertificatePath => string.IsNullOrEmpty(TestPostgres.RunDirectory)
        ? throw new InvalidOperationException("The test PostgreSQL server has not started; create the test database first.")
        : Path.Combine(TestPostgres.RunDirectory, KeyProtectionOptions.FileName);

    /// <summary>The lowest level kept from every category.</summary>
    protected virtual LogLevel CapturedLevel => LogLevel.Warning;

    /// <summary>What the app logged at <see cref="CapturedLevel"/> and above, and what its live mechanism and hub logged at Information.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Signs in through the login form and returns the Cookie header that carries the session.</summary>
    public async Task<string> SignInAsync(string email, string password = DemoSeed.Password)
    {
        var cookies = new CookieContainer();
        using var client = CreateDefaultClient(new CookieContainerHandler(cookies));
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/login", form);
        var header = cookies.GetCookieHeader(Server.BaseAddress);
        return header.Contains("ops.auth", StringComparison.Ordinal) ? header
            : throw new InvalidOperationException($"Signing in {email} gave {(int)response.StatusCode} and no session cookie.");
    }

    [GeneratedRegex(@"<input(?=[^>]*name=""__RequestVerificationToken"")[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryField();
}
