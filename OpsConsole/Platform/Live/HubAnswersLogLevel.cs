using Microsoft.AspNetCore.SignalR;

namespace OpsConsole.Platform.Live;

/// <summary>
/// SignalR logs every exception a hub method throws as "FailedInvokingHubMethod" at Error, HubException included, though
/// a HubException is the hub's deliberate answer to the caller (here: a refused or unknown topic) and its message is sent
/// to the client as it is. The hub dispatcher's category gets this logger (<see cref="Logging.AdjustingLoggerFactory"/>),
/// which records exactly those entries at Information and passes every other entry through unchanged.
/// </summary>
sealed class HubAnswersLogLevel(ILogger inner) : ILogger
{
    // The category of SignalR's internal DefaultHubDispatcher<THub> (generic arguments are not part of it).
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var level = logLevel == LogLevel.Error && exception is HubException ? LogLevel.Information : logLevel;
        if (inner.IsEnabled(level))
            inner.Log(level, eventId, state, exception, formatter);
    }
}
