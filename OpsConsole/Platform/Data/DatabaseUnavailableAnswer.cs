using System.Globalization;
using Npgsql;

namespace OpsConsole.Platform.Data;

/// <summary>
/// A request that fails because the database cannot be reached (down, cut off, refusing connections) is answered 503 with
/// Retry-After and a problem+json saying so, rather than 500: the machine clients' contract tells them to send it again
/// later, and nothing was stored.
/// </summary>
public static class DatabaseUnavailableAnswer
{
    public const int RetryAfterSeconds = 30;

    /// <summary>True when <paramref name="error"/> or an exception inside it says the database is unreachable: a network or
    /// timeout failure, or the server ending or refusing the session.</summary>
    public static bool IsUnreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is PostgresException postgres ? postgres.InvariantSeverity == "FATAL" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                : e is NpgsqlException npgsql && npgsql.IsTransient)
                return true;
        return false;
    }

    public static IApplicationBuilder UseDatabaseUnavailableAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (IsUnreachable(error) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailableAnswer))
                .LogWarning("Answered {Method} {Path} with 503: the database cannot be reached ({Reason})",
                    context.Request.Method, context.Request.Path, error.GetBaseException().Message);
            // Npgsql drops the idle connections of the pool whose connection found the server gone, but not those of the
            // console's other pool (OpsConnections), and each of those would fail one request once the database is back.
            NpgsqlConnection.ClearAllPools();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The console's database cannot be reached now",
                detail: $"Nothing was stored. Send the request again after {RetryAfterSeconds} seconds.").ExecuteAsync(context);
        }
    });
}
