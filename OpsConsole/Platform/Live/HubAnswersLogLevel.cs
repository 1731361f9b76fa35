using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpsConsole.Platform.Live;

/// <summary>
/// SignalR logs every exception a hub method throws as "FailedInvokingHubMethod" at Error, HubException included, though
/// a HubException is the hub's deliberate answer to the caller (here: a refused or unknown topic) and its message is sent
/// to the client as it is. This factory gives the hub dispatcher's category a logger that records exactly those entries
/// at Information; every other entry, and every other category, is passed through unchanged.
/// </summary>
sealed class HubAnswersLogLevel(ILoggerFactory inner) : ILoggerFactory
{
    // The category of SignalR's internal DefaultHubDispatcher<THub> (generic arguments are not part of it).
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == DispatcherCategory ? new DemotingLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory is a registration of its own; the container disposes it.
    public void Dispose() { }

    sealed class DemotingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel == LogLevel.Error && exception is HubException ? LogLevel.Information : logLevel;
            if (inner.IsEnabled(level))
                inner.Log(level, eventId, state, exception, formatter);
        }
    }

    /// <summary>Puts this factory in front of the one logging registered; the original stays resolvable as <see cref="LoggerFactory"/>.</summary>
    public static void Install(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ILoggerFactory) && d.ImplementationFactory?.Method.DeclaringType == typeof(HubAnswersLogLevel)))
            return;
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(Create));
    }

    static HubAnswersLogLevel Create(IServiceProvider services) => new(services.GetRequiredService<LoggerFactory>());
}
