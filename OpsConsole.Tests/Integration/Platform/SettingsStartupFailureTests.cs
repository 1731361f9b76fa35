using OpsConsole.Platform.DataProtection;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Platform;

/// <summary>The real executable refuses a bad setting with exit code 1 and one line on stderr that names it.</summary>
[Trait("Category", "Integration")]
public sealed class SettingsStartupFailureTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), $"opsconsole-keytest-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    Task<(int Exit, string Output, string Error)> RunAsync(params (string Key, string Value)[] settings) =>
        ConsoleProcess.RunAsync(settings.Append((Key: "ConnectionStrings__OpsDb", Value: fixture.ConnectionString)).ToDictionary(s => s.Key, s => s.Value));

    [Fact]
    public async Task A_short_scrape_token_stops_start_up_naming_Metrics_ScrapeToken()
    {
        const string token = "too-short-scrape-token";

        var (exit, output, error) = await RunAsync(("Metrics__ScrapeToken", token));

        Assert.Equal(1, exit);
        Assert.Equal("OpsConsole cannot start: Metrics:ScrapeToken must be at least 32 characters (or empty to turn bearer scraping off)",
            error.Trim());
        Assert.DoesNotContain(token, output + error);
    }

    [Fact]
    public async Task A_bad_job_interval_stops_start_up_naming_it_once()
    {
        var (exit, _, error) = await RunAsync(("Sla__DueJobInterval", "soon"));

        Assert.Equal(1, exit);
        Assert.Equal("OpsConsole cannot start: Sla:DueJobInterval must be a positive time span (e.g. 00:05:00)", error.Trim());
    }

    [Theory]
    [InlineData("Auth__IdleTimeout", "soon", "Auth:IdleTimeout must be a positive time span (e.g. 00:30:00), not 'soon'")]
    [InlineData("Auth__IdleTimeout", "13:00:00", "Auth:IdleTimeout (13:00:00) must not be longer than Auth:AbsoluteLifetime (12:00:00)")]
    [InlineData("Bitcoin__Network", "signet", "Bitcoin:Network must be mainnet, testnet or regtest, not 'signet'")]
    [InlineData("Bitcoin__Mode", "Electrum", "Bitcoin:Mode must be Esplora or Simulated, not 'Electrum'")]
    [InlineData("Bitcoin__Mode", "Esplora", "Bitcoin:EsploraUrl must be an absolute http or https URL when Bitcoin:Mode is Esplora, not ''")]
    [InlineData("Bitcoin__Network", "mainnet", "Bitcoin:Mode is Simulated while Bitcoin:Network is mainnet; set Bitcoin:Mode to Esplora with Bitcoin:EsploraUrl")]
    [InlineData("Gnosis__Mode", "JsonRpc", "Gnosis:Mode must be Rpc or Simulated, not 'JsonRpc'")]
    [InlineData("Gnosis__EureContract", "0x420ca0f9b9b604ce0fd9c18ef134c705e5fa3430",
        "Gnosis:EureContract '0x420ca0f9b9b604ce0fd9c18ef134c705e5fa3430' is not a checksummed Gnosis address: Write the address with its EIP-55 checksum (mixed capitals, as a wallet shows it), so a mistyped character is caught.")]
    [InlineData("RateLimits__SignIn__PerAccount", "0", "RateLimits:SignIn:PerAccount must be a whole number of at least 1, not '0'")]
    [InlineData("ForwardedHeaders__KnownProxies", "10.0.0.5, proxy.internal",
        "ForwardedHeaders:KnownProxies must list IP addresses (such as 10.0.0.5 or ::1), not 'proxy.internal'")]
    public async Task A_bad_session_limit_or_proxy_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var (exit, _, error) = await RunAsync((key, value));

        Assert.Equal(1, exit);
        Assert.Equal($"OpsConsole cannot start: {message}", error.Trim());
    }

    [Fact]
    public async Task An_unknown_machine_scope_stops_start_up_naming_the_key_and_the_scope()
    {
        var (exit, _, error) = await RunAsync(("MachineClients__Keys__bridge__Secret", "bridge-secret-0123456789"),
            ("MachineClients__Keys__bridge__Tenant", "acme"), ("MachineClients__Keys__bridge__Scopes", "Approvals:Submit, Metrics:Reed"));

        Assert.Equal(1, exit);
        Assert.Equal("OpsConsole cannot start: MachineClients:Keys:bridge:Scopes names an unknown scope 'Metrics:Reed'; "
            + "known scopes are Alerts:Read, Approvals:Submit, BridgeDeposits:Ingest, DeadLetters:Read, Funding:Admin, Inventory:Ingest, LiquidityActions:Ingest, MarketPrices:Ingest, "
            + "Metrics:Read, Notifier.Events:Write, Packs.Approve, TradeResults:Ingest", error.Trim());
    }

    [Fact]
    public async Task An_unreadable_certificate_file_stops_start_up_naming_DataProtection_CertificatePath()
    {
        var path = Path.Combine(folder, "broken.pfx");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, "not a certificate");

        var (exit, _, error) = await RunAsync(("DataProtection__CertificatePath", path));

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("OpsConsole cannot start: DataProtection:CertificatePath: ", error.Trim());
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_start_up_naming_DataProtection_CertificatePath()
    {
        var path = Path.Combine(folder, "locked.pfx");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(path, KeyProtectionCertificate.Create("the-right-one"));

        var (exit, _, error) = await RunAsync(("DataProtection__CertificatePath", path), ("DataProtection__CertificatePassword", "a-wrong-one"));

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("OpsConsole cannot start: DataProtection:CertificatePath: ", error.Trim());
        Assert.DoesNotContain("a-wrong-one", error);
    }
}
