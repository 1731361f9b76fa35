using System.Security.Cryptography;
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
    public const string IdempotencyHeader = "Idempotency-Key";
    const int MaxIdempotencyKeyLength = 200;

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
        var (input, errors) = parsed.ToInput(http.User.FindFirst(MachineClaims.Tenant)?.Value);
        if (input is null)
            return Invalid(errors);

        IdempotencyClaim? claim = null;
        if (http.Request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } key)
        {
            if (key.Length > MaxIdempotencyKeyLength)
                return TypedResults.Problem($"The {IdempotencyHeader} header must be at most {MaxIdempotencyKeyLength} characters.", statusCode: 400,
                    title: "The Idempotency-Key is too long", extensions: new Dictionary<string, object?> { ["field"] = IdempotencyHeader });
            var keyId = http.User.FindFirst(MachineClaims.KeyId)?.Value ?? "";
            claim = new(keyId, http.User.FindFirst(MachineClaims.Tenant)?.Value, key, Convert.ToHexStringLower(SHA256.HashData(body)),
                r => JsonSerializer.Serialize(ApprovalRequestView.From(r), Json));
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (await db.ApprovalIdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId && k.Key == key, ct) is { } earlier)
                return Replay(http, earlier, claim);
        }

        var result = await approvals.CreateAsync(input, claim, ct);
        if (result.Replayed is { } replayed)
            return Replay(http, replayed, claim!);
        if (result.Errors.Count > 0)
            return Invalid(result.Errors);
        if (result.Created is not { } created)
            return TypedResults.Problem(result.Failure, statusCode: 500, title: "The request could not be stored; it was kept as a dead letter");
        http.Response.Headers.Location = $"{Path}/{created.Id}";
        return TypedResults.Text(JsonSerializer.Serialize(ApprovalRequestView.From(created), Json), "application/json", statusCode: 201);
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

    static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Replay(HttpContext http, ApprovalIdempotencyKey earlier, IdempotencyClaim claim)
    {
        if (earlier.BodyHash != claim.BodyHash)
            return TypedResults.Problem(
                $"The {IdempotencyHeader} '{claim.Key}' was used for a different body; send a new key for a new request.",
                statusCode: 422, title: "The Idempotency-Key belongs to another request",
                extensions: new Dictionary<string, object?> { ["field"] = IdempotencyHeader, ["requestId"] = earlier.RequestId });
        http.Response.Headers.Location = $"{Path}/{earlier.RequestId}";
        return TypedResults.Text(earlier.Response, "application/json", statusCode: 201);
    }

    static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
