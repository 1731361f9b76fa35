using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Features.Funding.State;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Funding;

/// <summary>
/// GET /api/funding/state for machine clients holding Funding:Admin, as the handles API; POST
/// /api/funding/observer/pause, /resume and /refresh for an Admin or such a client, answered with the state after the
/// change (409 with the reason when refused).
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
        observer.MapPost("/pause", (ClaimsPrincipal user, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(control.PauseAsync(user, ct), query, ct)).WithSummary("Pause the funding observer");
        observer.MapPost("/resume", (ClaimsPrincipal user, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(control.ResumeAsync(user, ct), query, ct)).WithSummary("Resume the funding observer");
        observer.MapPost("/refresh", (ClaimsPrincipal user, FundingObserverControl control, FundingStateQuery query, CancellationToken ct) =>
            AnswerAsync(control.RefreshAsync(user, ct), query, ct)).WithSummary("Poll every active funding handle now");
    }

    static async Task<Results<Ok<FundingStateView>, ProblemHttpResult>> AnswerAsync(Task<FundingControlResult> change, FundingStateQuery query,
        CancellationToken ct)
    {
        var result = await change;
        return result.Done
            ? TypedResults.Ok(await query.StateAsync(ct))
            : TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "The funding observer was not changed");
    }
}
