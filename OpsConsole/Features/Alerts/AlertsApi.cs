using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Features.Identity;

namespace OpsConsole.Features.Alerts;

/// <summary>GET /api/alerts/state for walls and tooling (people and machine clients alike); POST pause and resume of the
/// evaluator for Admins.</summary>
static class AlertsApi
{
    public const string Path = "/api/alerts";

    public static void MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path);
        api.MapGet("/state", async (AlertQuery query, CancellationToken ct) => TypedResults.Ok(await query.StateAsync(ct)))
            .RequireAuthorization(AlertsFeature.ApiReaders);
        var evaluator = api.MapGroup("/evaluator").RequireAuthorization(OpsPolicies.Admin);
        evaluator.MapPost("/pause", (ClaimsPrincipal user, AlertEvaluatorControl control, AlertQuery query, CancellationToken ct) =>
            AnswerAsync(control.PauseAsync(user, ct), query, ct));
        evaluator.MapPost("/resume", (ClaimsPrincipal user, AlertEvaluatorControl control, AlertQuery query, CancellationToken ct) =>
            AnswerAsync(control.ResumeAsync(user, ct), query, ct));
    }

    static async Task<Results<Ok<AlertEvaluatorView>, ProblemHttpResult>> AnswerAsync(Task<AlertResponseResult> change, AlertQuery query,
        CancellationToken ct)
    {
        var result = await change;
        return result.Done
            ? TypedResults.Ok(await query.EvaluatorAsync(ct))
            : TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "The evaluator was not changed");
    }
}
