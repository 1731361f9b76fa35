using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.DataProtection;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DataProtection;

/// <summary>The real app keeps its Data Protection keys encrypted with the certificate file, and still reads older plain keys.</summary>
[Trait("Category", "Integration")]
public sealed class KeyProtectionTests : IAsyncLifetime
{
    const string UnencryptedWarning = "No XML encryptor configured";
    readonly List<IAsyncDisposable> apps = [];
    string folder = "";

    public Task InitializeAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), $"opsconsole-keytest-{Guid.NewGuid():N}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(apps))
            await app.DisposeAsync();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    T Track<T>(T app) where T : IAsyncDisposable
    {
        apps.Add(app);
        return app;
    }

    Dictionary<string, string?> CertificateAt(string name) => new() { [KeyProtectionOptions.PathSetting] = Path.Combine(folder, name) };

    static async Task<List<XElement>> StoredKeysAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new OpsDbContext(options.Options);
        return (await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()).Select(x => XElement.Parse(x!)).ToList();
    }

    static bool Has(XElement key, string localName) => key.Descendants().Any(e => e.Name.LocalName == localName);

    static async Task<HttpStatusCode> MetricsStatusAsync(OpsAppFactory app, string cookie)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Keys_made_at_sign_in_are_encrypted_with_the_certificate_and_no_unencrypted_warning_is_logged()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var app = Track(new LogCapturingApp(connectionString, CertificateAt("one.pfx")));

        await app.SignInAsync("admin@demo.local");

        var keys = await StoredKeysAsync(connectionString);
        Assert.NotEmpty(keys);
        using var certificate = KeyProtectionCertificate.Load(Path.Combine(folder, "one.pfx"), null);
        Assert.All(keys, key =>
        {
            Assert.True(Has(key, "encryptedSecret"), "the key's secret is encrypted");
            Assert.False(Has(key, "masterKey"), "no plain master key is stored");
            Assert.Contains(Convert.ToBase64String(certificate.RawData), key.ToString(), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(app.LogTexts, text => text.Contains(UnencryptedWarning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_from_one_instance_is_accepted_by_another_with_the_same_certificate_file_only()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var first = Track(new OpsAppFactory(connectionString, CertificateAt("shared.pfx")));
        var cookie = await first.SignInAsync("admin@demo.local");

        var second = Track(new OpsAppFactory(connectionString, CertificateAt("shared.pfx")));
        var stranger = Track(new OpsAppFactory(connectionString, CertificateAt("other.pfx")));

        Assert.Equal(HttpStatusCode.OK, await MetricsStatusAsync(second, cookie));
        // Guards the claim in README: an instance with another certificate cannot read the keys, so not the cookie either.
        Assert.Equal(HttpStatusCode.Unauthorized, await MetricsStatusAsync(stranger, cookie));
    }

    [Fact]
    public async Task A_key_ring_written_before_encryption_is_still_read()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
        }).Build();
        using var logs = new FakeLoggerProvider();
        string protectedEarlier;
        // What earlier builds of the console did: the same key ring, with keys stored unencrypted.
        await using (var earlier = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).AddOpsDatabase(config)
            .AddDataProtection().SetApplicationName(KeyProtectionRegistration.ApplicationName).PersistKeysToDbContext<OpsDbContext>()
            .Services.BuildServiceProvider())
            protectedEarlier = earlier.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-protection-test").Protect("signed in earlier");
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Message.Contains(UnencryptedWarning, StringComparison.Ordinal));
        Assert.True(Has(Assert.Single(await StoredKeysAsync(connectionString)), "masterKey"));

        var app = Track(new OpsAppFactory(connectionString, CertificateAt("later.pfx")));
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-protection-test");

        Assert.Equal("signed in earlier", protector.Unprotect(protectedEarlier));
    }
}
