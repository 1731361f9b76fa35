using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>The real app with every log record it writes (at the levels its settings allow) kept for the test to read.</summary>
public sealed class LogCapturingApp(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : OpsAppFactory(connectionString, settings)
{
    readonly FakeLoggerProvider provider = new();

    public IReadOnlyList<FakeLogRecord> Logs => provider.Collector.GetSnapshot();

    /// <summary>Each record as one text: message, structured values and exception, for asserting what was or was not written.</summary>
    public IEnumerable<string> LogTexts => Logs.Select(r =>
        $"{r.Category} {r.Level}: {r.Message} {string.Join(' ', r.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? [])} {r.Exception}");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureLogging(logging => logging.AddProvider(provider));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            provider.Dispose();
    }
}
