using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Components;

/// <summary>The shell on a fresh database of its own, cloned from the run's migrated template, with the core services
/// wired as the app wires them; for pages whose behaviour is reading and changing stored state.</summary>
public abstract class DatabaseShellContext : ShellContext
{
    /// <summary>This context's own database.</summary>
    protected string ConnectionString { get; private set; } = "";

    /// <summary>A context on this test's database, for arranging and checking rows beside the page.</summary>
    protected OpsDbContext Context()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new OpsDbContext(options.Options);
    }

    public override async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Services.AddOpsCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = ConnectionString,
        }).Build());
        Services.AddSingleton<IUnresolvedDeadLetters, DeadLetterQuery>();
        Services.AddSingleton<INotificationInbox, NotificationInbox>();
    }
}
