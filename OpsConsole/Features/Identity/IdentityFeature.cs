using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Features.Identity.SignIn;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.RateLimits;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Identity;

public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitSessionState>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionActivity>());
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<OpsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OpsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OpsClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.AddSessions(config);
        services.AddSignInLimits(config);
        // Anything that does not say otherwise requires a signed-in user: a new page cannot be left open by mistake. A bare
        // [Authorize] asks for a person, so a wall display's circuit opens no such page.
        services.AddAuthorizationBuilder().AddOpsPolicies()
            .SetDefaultPolicy(OpsPolicies.Person)
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<DemoSeed>();
        services.AddStartupTask<RolesStartupTask>();
        services.AddStartupCommand<CreateAdminCommand>();
        services.AddDemoSeed<DemoSeed>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<AdminBootstrap>();
        services.AddPeopleDirectory();
        return services;
    }

    /// <summary>
    /// What other features may know of people (<see cref="IPeopleDirectory"/>); a host that wires such a feature without
    /// the rest of Identity adds only this.
    /// </summary>
    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton<IPeopleDirectory, PeopleDirectory>();
        return services;
    }

    /// <summary>Server-side sessions: the cookie carries a session id, the session lives in <c>user_sessions</c>.</summary>
    static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<SessionSettings>(config);
        services.AddSingleton<SessionLedger>();
        services.AddSingleton<SessionTicketStore>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<ILiveConnectionCheck, HubSessionCheck>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<SessionPurge>();
        services.AddJob<SessionPurgeJob>(JobSchedule.OnCron("0 40 3 * * ?"));
        services.AddLiveTopic(LiveTopics.Sessions, LiveAudience.SubjectUser);
        // The session, not the cookie, decides when a sign-in is over; the cookie's own expiry is only the absolute limit.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, IOptions<SessionSettings>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.Value.Limits.Absolute;
            });
        return services;
    }

    /// <summary>Password sign-in that says and costs the same for every refusal, limited per address and per account.</summary>
    static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<PasswordSignIn>();
        services.AddCheckedSettings<SignInLimitSettings>(config);
        foreach (var per in Enum.GetValues<SignInLimit.Per>())
            services.AddSingleton<IRequestLimit>(sp => new SignInLimit(per, sp.GetRequiredService<IOptions<SignInLimitSettings>>()));
        return services;
    }

    static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "ops.auth";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.LoginPath = "/login";
        cookie.AccessDeniedPath = "/forbidden";
        cookie.SlidingExpiration = false;
        // Identity's stamp check rebuilds the principal without the session claim; put it back so circuits know their session.
        var validate = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async ctx =>
        {
            var session = ctx.Principal is { } before ? SessionClaims.SessionOf(before) : null;
            await validate(ctx);
            if (session is { } id && ctx.Principal is { } after)
                SessionClaims.Carry(after, id);
        };
        // Programs and the hub get status codes; people get the sign-in page.
        cookie.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
    }

    static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (MachinePaths.Contains(ctx.Request.Path))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapIdentityFeature(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", SignOutAsync);
        return app;
    }

    static async Task<Results<ProblemHttpResult, RedirectHttpResult>> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<OpsUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem("The sign-out form's antiforgery token is missing or invalid; reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        http.Items[SessionTicketStore.EndReasonItem] = SessionEndReason.SignedOut;
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/login");
    }
}
