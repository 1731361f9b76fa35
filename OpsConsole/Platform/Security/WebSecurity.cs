using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Platform.Security;

/// <summary>What every request passes first: the client's address and scheme from trusted proxies only, the security
/// headers and HSTS over https; then, inside the error handler, the body limit and the hubs' origin check. No Server
/// header is sent.</summary>
public static class WebSecurity
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<TrustedProxies>(config);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxies>>((o, proxies) => proxies.Value.Apply(o));
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: each later step sees the real client, and every answer carries the headers.</summary>
    public static IApplicationBuilder UseWebSecurity(this IApplicationBuilder app) => app
        .UseForwardedHeaders()
        .UseSecurityHeaders()
        .UseHsts();

    /// <summary>Right inside the error handler, which would otherwise turn an oversized body into an error page.</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app
        .UseRequestBodyLimit()
        .UseHubOriginCheck();
}
