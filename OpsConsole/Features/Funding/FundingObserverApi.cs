using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Features.Funding.State;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Funding;

/// <summary>
/// GET /api/funding/state for machine clients holding Funding:Admin, as the handles API; POST
/// /api/funding/observer/pause, /resume and /refresh for an Admin or such a client, answered with the state after the
/// change: 409 with the reason when refused, 503 with Retry-After when the change could not be saved.
/// </summary>
static class FundingObserverApi
{
    public const string StatePath = "/api/funding/state";
    public const string ObserverPath = "/api/funding/observer";

    public static void MapFundingObserverApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(StatePath, async (FundingStateQuery query, CancellationToken ct) => TypedResults.Ok(await query.StateAsync(ct)))
            .WithTags("Funding").WithSummary("Handles, transfers, uncredited totals, credits and observer health")
            .RequireAuthorization(MachinePolicies.PolicyName(FundingFeature.AdminScope));
        var observer = app.MapGroup(ObserverPath).DisableAntiforgery().WithTags("Funding").RequireAuthorization(FundingFeature.Admins);
        observer.MapPost("/pause", (HttpContext http, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(http, control.PauseAsync(http.User, ct), query, ct)).WithSummary("Pause the funding observer");
        observer.MapPost("/resume", (HttpContext http, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(http, control.ResumeAsync(http.User, ct), query, ct)).WithSummary("Resume the funding observer");
        observer.MapPost("/refresh", (HttpContext http, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(http, control.RefreshAsync(http.User, ct), query, ct)).WithSummary("Read every funding handle now");
    }

    static async Task<Results<Ok<FundingStateView>, ProblemHttpResult>> AnswerAsync(HttpContext http, Task<FundingControlResult> change,
        FundingStateQuery query, CancellationToken ct)
    {
        var result = await change;
        if (result.Done)
            return TypedResults.Ok(await query.StateAsync(ct));
        if (!result.TryLater)
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "The funding observer was not changed");
        http.Response.Headers.RetryAfter = DatabaseUnavailableAnswer.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The funding observer was not changed");
    }
}
