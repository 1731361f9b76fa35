using Microsoft.Net.Http.Headers;

namespace OpsConsole.Platform.Security;

/// <summary>
/// The headers a security review expects on every response, set as the response starts so that nothing after (an
/// error page, a status-code page) can drop them. A response that names no caching gets no-store: pages, exports and
/// API answers hold what only the signed-in caller may see; static files set their own caching.
/// </summary>
static class SecurityHeaders
{
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(self), geolocation=(), gyroscope=(), "
        + "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
        + "screen-wake-lock=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.For(context);
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey(HeaderNames.CacheControl))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
