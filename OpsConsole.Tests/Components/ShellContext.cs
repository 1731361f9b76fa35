using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Components;

/// <summary>A bunit context with MudBlazor's services and a signed-in user whose roles the app's real policies judge.</summary>
public abstract class ShellContext : BunitContext, IAsyncLifetime
{
    // The navigation counts unresolved dead letters, so the shell needs a (fresh, empty) database and the live feed.
    async Task IAsyncLifetime.InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Services.AddOpsCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = ConnectionString,
        }).Build());
        Services.AddSingleton<DeadLetterQuery>();
        Services.AddSingleton<INotificationInbox, NotificationInbox>();
    }

    // MudBlazor has services that only dispose asynchronously; xunit 2 would otherwise dispose the context synchronously first.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>This context's own database.</summary>
    protected string ConnectionString { get; private set; } = "";

    protected ShellContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddLogging();
        // The features a test adds register their own topics; every other topic gets the app's audience.
        Services.AddSingleton(sp => new LiveTopicRegistry(AppLiveTopics.Complete(sp.GetServices<LiveTopic>())));
        Services.AddSingleton<LiveAudienceCheck>();
        Services.AddSingleton<LiveFeed>();
        Services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
    }

    protected void SignIn(string email, string displayName, params string[] roles) => SignIn(email, displayName, roles, []);

    protected void SignIn(string email, string displayName, string[] roles, params Claim[] claims)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(roles);
        auth.SetClaims([new Claim(OpsClaims.DisplayName, displayName), .. claims]);
        // bunit's stand-in grants any policy it is told to; the app's own policies must decide here instead.
        Services.AddAuthorizationBuilder().AddOpsPolicies();
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
    }
}
