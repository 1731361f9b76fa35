using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Platform.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter with one global limiter chained from every feature's <see cref="IRequestLimit"/>: a
/// request passes only when each limit that counts it lets it through. A refusal is 429 with Retry-After, problem+json
/// for programs and a short page for people.
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IEnumerable<IRequestLimit>>((o, registered) =>
        {
            var limits = registered.ToArray();
            if (limits.Length == 0)
                return;
            var chain = PartitionedRateLimiter.CreateChained(limits.Select(l => PartitionedRateLimiter.Create<HttpContext, string>(l.Partition)).ToArray());
            o.GlobalLimiter = new QueueingLimiter(chain, context => limits.Any(l => l.Counts(context)));
        });
        return services;
    }

    /// <summary>Lets each limit read what it partitions by, then applies the limiter; after authorization, so a
    /// machine client is counted under the key it proved.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            foreach (var limit in context.RequestServices.GetServices<IRequestLimit>())
                await limit.PrepareAsync(context);
            await next(context);
        });
        return app.UseRateLimiter();
    }

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var why = http.RequestServices.GetServices<IRequestLimit>().Select(l => l.Refusal(http, retryAfter)).FirstOrDefault(r => r is not null)
            ?? $"Too many requests; try again in {seconds} s.";
        if (MachinePaths.Contains(http.Request.Path))
        {
            await TypedResults.Problem(why, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                extensions: new Dictionary<string, object?> { ["check"] = "rate", ["retryAfter"] = seconds }).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many attempts · OpsConsole</title></head>
            <body><main><h1>Too many attempts</h1><p>{HtmlEncoder.Default.Encode(why)}</p><p><a href="/login">Back to sign in</a></p></main></body></html>
            """, ct);
    }
}
