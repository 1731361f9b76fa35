using System.Text.RegularExpressions;

namespace OpsConsole.Platform.Security;

/// <summary>
/// ASP.NET Core's hosting writes each request's line ("Request starting … /wall?token=…") with its query string, at
/// Information, to whatever level and provider an operator turns on. This logger, given to that category only, writes
/// the value of every query parameter whose name says token (token, access_token) as "redacted", in the message and in
/// the structured values alike, so a secret carried in a link never reaches a log.
/// </summary>
sealed partial class RequestLineRedaction(ILogger inner) : ILogger
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";
    const string Redacted = "redacted";

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values || !values.Any(v => v.Value is string s && TokenValue().IsMatch(s)))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }
        var message = Redact(formatter(state, exception));
        IReadOnlyList<KeyValuePair<string, object?>> redacted =
            [.. values.Select(v => v.Value is string s ? KeyValuePair.Create(v.Key, (object?)Redact(s)) : v)];
        inner.Log(logLevel, eventId, redacted, exception, (_, _) => message);
    }

    /// <summary>The text with the value of each token-named query parameter replaced.</summary>
    public static string Redact(string text) => TokenValue().Replace(text, m => m.Groups[1].Value + Redacted);

    // A query parameter (after ? or &) whose name ends in "token", up to the next & or white space.
    [GeneratedRegex(@"([?&][^=&\s]*token=)[^&\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenValue();
}
