using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// POST /notifications/pack-approvals: the Task Runner's events, signed, scope Notifier.Events:Write, for the key's own
/// tenant. 202 accepted, 200 duplicate, 400 naming each field at fault, 403 for another tenant, 404 an update of nothing,
/// 409 a conflicting update, 503 with Retry-After when the console cannot store it now. Nothing is stored unless accepted.
/// </summary>
static class PackEventsApi
{
    public const string Path = "/notifications/pack-approvals";

    /// <summary>What a sender waits before trying a 503 again.</summary>
    public const int RetryAfterSeconds = Platform.Data.DatabaseUnavailableAnswer.RetryAfterSeconds;

    public static void MapPackEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IngestAsync)
            .RecordSignatureWithWrite()
            .DisableAntiforgery()
            .RequireAuthorization(MachinePolicies.PolicyName(PackApprovalsFeature.EventsScope))
            .WithName("PostPackEvent")
            .WithTags("Pack approvals")
            .WithSummary("Send a Task Runner event: PackApprovalRequested, PackApprovalUpdated or PackPolicyHold")
            .Accepts<PackEvent>("application/json")
            .Produces<PackEventAnswer>(StatusCodes.Status202Accepted)
            .Produces<PackEventAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<IResult> IngestAsync(HttpContext http, PackEventIntake intake, IOptions<PackApprovalOptions> options, TimeProvider time,
        CancellationToken ct)
    {
        var caller = MachineCaller.From(http.User)!;
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Invalid(new() { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
        }
        using (body)
        {
            var read = PackEventReader.Read(body.RootElement, new IngestLimits(time.GetUtcNow(), TimeSpan.FromMinutes(5)));
            if (read.Errors.Count > 0)
                return Invalid(read.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
            if (!string.Equals(read.Event!.Tenant, caller.Tenant, StringComparison.Ordinal))
                return Problem(StatusCodes.Status403Forbidden, "The event is for another tenant",
                    $"Key '{caller.KeyId}' belongs to tenant '{caller.Tenant}' and may not send events for tenant '{read.Event.Tenant}'.", "tenant");
            var outcome = await intake.AcceptAsync(read.Event, caller, ct, http.SignatureToRecord());
            return outcome.Status switch
            {
                StatusCodes.Status202Accepted => TypedResults.Json(outcome.Answer, statusCode: StatusCodes.Status202Accepted),
                StatusCodes.Status200OK => TypedResults.Ok(outcome.Answer),
                StatusCodes.Status404NotFound => Problem(outcome.Status, "No such approval", outcome.Reason!, "approvalId"),
                _ => Problem(outcome.Status, "The event conflicts with what was accepted", outcome.Reason!, "revision"),
            };
        }
    }

    static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors,
        title: "The event is not valid; nothing was stored", detail: $"Fields at fault: {string.Join(", ", errors.Keys)}.");

    static ProblemHttpResult Problem(int status, string title, string detail, string field) => TypedResults.Problem(detail, statusCode: status,
        title: title, extensions: new Dictionary<string, object?> { ["field"] = field });
}
