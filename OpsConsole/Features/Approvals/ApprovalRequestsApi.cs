using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Approvals;

/// <summary>POST and GET /api/approval-requests for the systems that raise requests.</summary>
static class ApprovalRequestsApi
{
    public const string Path = "/api/approval-requests";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    // A signed-in user or any machine client may read; the cookie goes first so the machine challenge writes the problem body.
    static readonly AuthorizationPolicy Readers = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, MachineHmacHandler.SchemeName)
        .RequireAuthenticatedUser().Build();

    public static void MapApprovalRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).DisableAntiforgery();
        api.MapPost("/", Create).RequireAuthorization(MachinePolicies.PolicyName(ApprovalsFeature.SubmitScope));
        api.MapGet("/{id:guid}", Get).RequireAuthorization(Readers);
    }

    static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Create(
        HttpContext http, ApprovalService approvals, IDbContextFactory<OpsDbContext> contexts, CancellationToken ct)
    {
        var body = await ReadBodyAsync(http.Request, ct);
        ApprovalRequestBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ApprovalRequestBody>(body, Json);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not valid JSON: {ex.Message}", statusCode: 400, title: "The request body cannot be read",
                extensions: new Dictionary<string, object?> { ["field"] = "body" });
        }
        if (parsed is null)
            return TypedResults.Problem("The body must be a JSON object.", statusCode: 400, title: "The request body cannot be read",
                extensions: new Dictionary<string, object?> { ["field"] = "body" });
        var tenant = http.User.FindFirst(MachineClaims.Tenant)?.Value;
        var (input, errors) = parsed.ToInput(tenant);
        if (input is null)
            return Invalid(errors);

        var key = http.Request.Headers[IdempotentCreate.Header].ToString();
        if (key.Length > IdempotentCreate.MaxKeyLength)
            return TypedResults.Problem($"The {IdempotentCreate.Header} header must be at most {IdempotentCreate.MaxKeyLength} characters.",
                statusCode: 400, title: "The Idempotency-Key is too long", extensions: new Dictionary<string, object?> { ["field"] = IdempotentCreate.Header });
        var result = key.Length == 0
            ? await approvals.CreateAsync(input, ct: ct)
            : await new IdempotentCreate(http.User.FindFirst(MachineClaims.KeyId)?.Value ?? "", tenant, key, body, Answer)
                .CreateAsync(approvals, contexts, input, ct);
        return result switch
        {
            { Created: { } created } => Created(http, created.Id, Answer(created)),
            { Replayed: { } first } => Created(http, first.RequestId, first.Response),
            { KeyReused: { } other } => TypedResults.Problem(
                $"The {IdempotentCreate.Header} '{other.Key}' was used for a different body; send a new key for a new request.",
                statusCode: 422, title: "The Idempotency-Key belongs to another request",
                extensions: new Dictionary<string, object?> { ["field"] = IdempotentCreate.Header, ["requestId"] = other.RequestId }),
            { Errors.Count: > 0 } => Invalid(result.Errors),
            _ => TypedResults.Problem(result.Failure, statusCode: 500, title: "The request could not be stored; it was kept as a dead letter"),
        };
    }

    static async Task<Results<Ok<ApprovalRequestView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IDbContextFactory<OpsDbContext> contexts,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A machine client sees only its own tenant's requests; another tenant's request answers as if it did not exist.
        var tenant = http.User.FindFirst(MachineClaims.Tenant)?.Value;
        if (await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } request
            || (tenant is not null && request.Tenant != tenant))
            return TypedResults.Problem($"Request {id} does not exist.", statusCode: 404, title: "No such approval request",
                extensions: new Dictionary<string, object?> { ["field"] = "id" });
        var subject = id.ToString();
        var history = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == ApprovalAuditActions.SubjectType && e.SubjectId == subject)
            .OrderBy(e => e.Id)
            .Select(e => new ApprovalHistoryItem(e.OccurredAt, e.Actor, e.Action, e.Details))
            .ToListAsync(ct);
        return TypedResults.Ok(ApprovalRequestView.From(request, history));
    }

    static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: "The approval request is not valid", detail: $"Fields at fault: {string.Join(", ", errors.Select(e => e.Field).Distinct())}.");

    // A created request and a retry's replay answer alike: 201, its location, and the body kept for retries.
    static ContentHttpResult Created(HttpContext http, Guid id, string json)
    {
        http.Response.Headers.Location = $"{Path}/{id}";
        return TypedResults.Text(json, "application/json", statusCode: 201);
    }

    static string Answer(ApprovalRequest request) => JsonSerializer.Serialize(ApprovalRequestView.From(request), Json);

    static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
