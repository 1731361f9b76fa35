using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// POST /notifications/pack-approvals/{runId}/{approvalId}/ack: a decision for the signing key's tenant, scope Packs.Approve.
/// 200 with the decision and its resume call (also for the same decision again), 400 naming the field, 403 when the person
/// may not decide it, 404 no such approval, 409 another decision stands or the request is closed, 503 with Retry-After.
/// </summary>
static class PackAcksApi
{
    public const string Path = PackEventsApi.Path + "/{runId}/{approvalId}/ack";

    public static void MapPackAcksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, AckAsync)
            .DisableAntiforgery()
            .RequireAuthorization(MachinePolicies.PolicyName(PackApprovalsFeature.ApproveScope))
            .WithName("AckPackApproval")
            .WithTags("Pack approvals")
            .WithSummary("Approve or reject a pack approval for a person, and learn where its resume call stands")
            .Accepts<PackAckRequest>("application/json")
            .Produces<PackAckAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<IResult> AckAsync(string runId, string approvalId, HttpContext http, PackAcks acks, CancellationToken ct)
    {
        PackAckRequest? ack;
        try
        {
            ack = await JsonSerializer.DeserializeAsync<PackAckRequest>(http.Request.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException ex)
        {
            // A missing required property is named by the serializer's message.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not a decision: {ex.Message}"] },
                title: "The decision is not valid; nothing was recorded");
        }
        if (ack is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object."] });
        var outcome = await acks.DecideAsync(runId, approvalId, ack, MachineCaller.From(http.User)!, ct);
        switch (outcome.Status)
        {
            case StatusCodes.Status200OK:
                return TypedResults.Ok(outcome.Answer);
            case StatusCodes.Status400BadRequest:
                return TypedResults.ValidationProblem(outcome.Errors!.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "The decision is not valid; nothing was recorded");
            case StatusCodes.Status503ServiceUnavailable:
                http.Response.Headers.RetryAfter = PackEventsApi.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(outcome.Reason, statusCode: outcome.Status, title: "The decision could not be recorded now");
            default:
                return TypedResults.Problem(outcome.Reason, statusCode: outcome.Status, title: outcome.Status switch
                {
                    StatusCodes.Status403Forbidden => "The person may not decide this approval",
                    StatusCodes.Status404NotFound => "No such approval",
                    _ => "Another decision stands",
                });
        }
    }
}
