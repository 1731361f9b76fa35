using Microsoft.Extensions.Logging;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>The real app keeping every log record it writes, down to Trace, for tests of what must never be written.</summary>
public sealed class LogCapturingApp(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : OpsAppFactory(connectionString, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["Logging:LogLevel:Default"] = "Trace",
    })
{
    protected override LogLevel CapturedLevel => LogLevel.Trace;

    /// <summary>Each record as one text: message, structured values and exception, for asserting what was or was not written.</summary>
    public IEnumerable<string> LogTexts => Logs.GetSnapshot().Select(r =>
        $"{r.Category} {r.Level}: {r.Message} {string.Join(' ', r.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? [])} {r.Exception}");
}
