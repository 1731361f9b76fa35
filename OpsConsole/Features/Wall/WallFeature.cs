using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Wall;

/// <summary>The alert wall: the page, the board it draws from (one per instance, kept current by the live topics), and
/// the wall token's link, cookie and checks.</summary>
public static class WallFeature
{
    public static IServiceCollection AddWall(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<WallSettings>(config);
        services.AddWallAccess();
        services.AddSingleton<WallBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<WallBoard>());
        services.AddScoped<WallCircuit>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, WallCircuit>(sp => sp.GetRequiredService<WallCircuit>()));
        return services;
    }

    static void AddWallAccess(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WallLinkHandler>(WallAccess.LinkScheme, null)
            .AddScheme<AuthenticationSchemeOptions, SignedInOrWallHandler>(WallAccess.SignedInOrWallScheme, null)
            .AddCookie(WallAccess.CookieScheme);
        // Who a request is from: the signed-in person, or on the wall's paths a wall display (see SignedInOrWallHandler).
        services.Configure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = WallAccess.SignedInOrWallScheme);
        services.AddOptions<CookieAuthenticationOptions>(WallAccess.CookieScheme).Configure<IOptions<WallSettings>>((cookie, settings) =>
        {
            cookie.Cookie.Name = WallAccess.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A TV stays signed in as long as it keeps showing the wall; each visit renews the cookie.
            cookie.ExpireTimeSpan = TimeSpan.FromDays(365);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = context =>
            {
                if (context.Principal is not { } display || !WallAccess.Holds(display, settings.Value))
                    context.RejectPrincipal();
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<ILiveConnectionCheck, WallConnectionCheck>();
    }
}
