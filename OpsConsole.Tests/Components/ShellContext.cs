using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Components;

/// <summary>
/// A bunit context with MudBlazor's services, the live feed and a signed-in user whose roles the app's real policies
/// judge. It starts no database: what the shell reads from one (the navigation's dead-letter count, the bell's inbox)
/// is a fake at the edge. Pages that need the database use <see cref="DatabaseShellContext"/>.
/// </summary>
public abstract class ShellContext : BunitContext, IAsyncLifetime
{
    public virtual Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor has services that only dispose asynchronously; xunit 2 would otherwise dispose the context synchronously first.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>What the navigation shows as unresolved dead letters.</summary>
    protected FakeUnresolvedDeadLetters DeadLetterCount { get; } = new();

    protected ShellContext()
    {
        Services.AddSingleton<IUnresolvedDeadLetters>(DeadLetterCount);
        Services.AddSingleton<INotificationInbox>(new EmptyNotificationInbox());
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

    /// <summary>The page inside the providers the layout gives it, so its dialogs and snackbars render.</summary>
    protected IRenderedComponent<IComponent> RenderInShell<TPage>(Guid? id = null) where TPage : IComponent => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudDialogProvider>(1);
        b.CloseComponent();
        b.OpenComponent<MudSnackbarProvider>(2);
        b.CloseComponent();
        b.OpenComponent<TPage>(3);
        if (id is { } value)
            b.AddAttribute(4, "Id", value);
        b.CloseComponent();
    });
}
