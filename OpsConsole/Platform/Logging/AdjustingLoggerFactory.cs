using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Security;

namespace OpsConsole.Platform.Logging;

/// <summary>
/// The app's logger factory, in front of the one logging registered, so that a rule about what is written holds for
/// every provider and every configured level: the hub dispatcher's answers are logged at Information
/// (<see cref="HubAnswersLogLevel"/>), and the request lines of ASP.NET Core's hosting never carry a token from a query
/// string (<see cref="RequestLineRedaction"/>). Every other category is passed through unchanged.
/// </summary>
sealed class AdjustingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName switch
        {
            HubAnswersLogLevel.DispatcherCategory => new HubAnswersLogLevel(logger),
            RequestLineRedaction.Category => new RequestLineRedaction(logger),
            _ => logger,
        };
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory is a registration of its own; the container disposes it.
    public void Dispose() { }

    /// <summary>Puts this factory in front of the one logging registered; the original stays resolvable as <see cref="LoggerFactory"/>.</summary>
    public static void Install(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ILoggerFactory) && d.ImplementationFactory?.Method.DeclaringType == typeof(AdjustingLoggerFactory)))
            return;
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(Create));
    }

    static AdjustingLoggerFactory Create(IServiceProvider services) => new(services.GetRequiredService<LoggerFactory>());
}
