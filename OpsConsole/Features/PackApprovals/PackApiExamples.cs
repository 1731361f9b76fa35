using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Platform.OpenApi;

namespace OpsConsole.Features.PackApprovals;

/// <summary>Examples of the pack endpoints' bodies in the OpenAPI document, written from the contract models themselves.</summary>
static class PackApiExamples
{
    const string Plan = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static readonly DateTimeOffset At = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    public static IServiceCollection AddPackApiExamples(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>(MachineApiDocument.Name, o => o.AddOperationTransformer((operation, context, _) =>
        {
            var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            var (request, answer) = name switch
            {
                "PostPackEvent" => (Json<PackEvent>(Requested), Json(Accepted)),
                "AckPackApproval" => (Json(Ack), Json(Acked)),
                _ => (null, null),
            };
            if (request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                body.Example = request;
            foreach (var (code, response) in operation.Responses ?? [])
                if (code is "200" or "202" && answer is not null && response.Content?.TryGetValue("application/json", out var content) == true)
                    content.Example = answer;
            return Task.CompletedTask;
        }));

    static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);

    static PackApprovalRequested Requested => new()
    {
        EventId = "evt-7f3a",
        Tenant = "acme",
        RunId = "run-2026-12-06-0042",
        OccurredAt = At,
        CorrelationId = "trace-4bf92f3577b34da6",
        ApprovalId = "deploy-production",
        PlanHash = Plan,
        RequiredGrants = ["deploy:production"],
        StepIds = ["migrate-db", "roll-out"],
        Message = new() { Template = PackTemplates.ApprovalRequested, Locale = "de", Values = new Dictionary<string, string> { ["pack"] = "payments", ["environment"] = "production" } },
        ResumeCallbackUrl = "https://runner.example.com/runs/run-2026-12-06-0042/resume",
        ResumeToken = "<the run's resume token>",
    };

    static PackEventAnswer Accepted => new()
    {
        Status = PackEventStatuses.Accepted,
        EventId = "evt-7f3a",
        Type = PackEventTypes.ApprovalRequested,
        RunId = "run-2026-12-06-0042",
        ApprovalId = "deploy-production",
        Revision = 1,
        RequestId = new Guid("3f2b8c1e-6a47-4d2e-9b1f-0c5d7e9a1b23"),
        Link = "https://ops.example.com/approvals/3f2b8c1e-6a47-4d2e-9b1f-0c5d7e9a1b23",
    };

    static PackAckRequest Ack => new()
    {
        Decision = PackDecisions.Approve,
        Actor = "manager@example.com",
        Comment = "Plan reviewed with the on-call engineer.",
        DecisionHash = PackDecisionHash.Compute("acme", "run-2026-12-06-0042", "deploy-production", Plan, PackDecisions.Approve),
    };

    static PackAckAnswer Acked => new()
    {
        RunId = "run-2026-12-06-0042",
        ApprovalId = "deploy-production",
        Status = "Approved",
        Decision = PackDecisions.Approve,
        DecisionHash = Ack.DecisionHash,
        DecidedBy = "manager@example.com",
        DecidedAt = At.AddMinutes(12),
        Resume = new() { Status = "Queued" },
    };
}
