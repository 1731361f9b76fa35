using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using OpsConsole.Components;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.DataProtection;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.OpenApi;
using OpsConsole.Platform.RateLimits;
using OpsConsole.Platform.Security;
using Prometheus;

namespace OpsConsole.Platform;

/// <summary>The mechanisms every feature stands on: database, time, UI runtime, health and metrics.</summary>
public static class PlatformFeature
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration config)
    {
        services.AddOpsCore(config);
        services.AddOpsDataProtection(config);
        services.AddRazorComponents().AddInteractiveServerComponents();
        // A snackbar at MudBlazor's default 95% opacity blends its text into the page behind: below AA contrast.
        services.AddMudServices(mud => mud.SnackbarConfiguration.MaximumOpacity = 100);
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddRequestLimits();
        services.AddWebSecurity(config);
        services.AddMachineApiDocument();
        return services;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseWebSecurity();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Programs get 503 with Retry-After when the database is away; people get the error page.
        app.UseWhen(ctx => MachinePaths.Contains(ctx.Request.Path), a => a.UseDatabaseUnavailableAnswer());
        app.UseRequestGuards();
        // People get the console's own pages for 404s; programs keep problem+json.
        app.UseWhen(ctx => MachinePaths.Contains(ctx.Request.Path), a => a.UseStatusCodePages());
        app.UseWhen(ctx => !MachinePaths.Contains(ctx.Request.Path),
            a => a.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLimits();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapMachineApiDocument();
        // Our own Content-Security-Policy carries frame-ancestors for every response, the circuit's too.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
