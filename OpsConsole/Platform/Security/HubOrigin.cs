namespace OpsConsole.Platform.Security;

/// <summary>
/// The Blazor circuit hub and /hubs/ops accept a browser's connection only from a page of the console itself: a
/// request whose Origin names another site is refused with 403 before it reaches the hub (a page elsewhere could
/// otherwise open a circuit with the user's cookie). Programs that send no Origin are judged by their sign-in alone.
/// </summary>
public static class HubOrigin
{
    public static readonly PathString[] HubPaths = ["/_blazor", "/hubs"];

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HubPaths.Any(p => context.Request.Path.StartsWithSegments(p)) && context.Request.Headers.Origin is [{ } origin, ..]
            && !IsSameOrigin(context.Request, origin))
        {
            await TypedResults.Problem($"Origin '{origin}' is not this console's; hubs accept connections only from its own pages.",
                statusCode: StatusCodes.Status403Forbidden, title: "Foreign origin",
                extensions: new Dictionary<string, object?> { ["check"] = "Origin" }).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>Scheme, host and port as this request arrived (behind a proxy: as the proxy says it arrived there).</summary>
    static bool IsSameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
}
