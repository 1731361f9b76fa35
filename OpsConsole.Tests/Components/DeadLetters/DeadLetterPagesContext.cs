using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Audit;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.DeadLetters;

namespace OpsConsole.Tests.Components.DeadLetters;

/// <summary>The shell plus the real dead-letter services on this context's database, with the scripted test handler.</summary>
public abstract class DeadLetterPagesContext : DatabaseShellContext
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected DeadLetterPagesContext()
    {
        var config = new ConfigurationBuilder().Build();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(new HandlerScript());
        Services.AddDeadLetterHandler<ScriptedHandler>();
        Services.AddDeadLetters(config);
    }
}
