using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// A submission under an Idempotency-Key, and the whole of that contract: the first submission claims the key in the
/// transaction that creates its request and keeps its answer there; a retry with the same body gets that answer back byte
/// for byte; the same key with another body is refused (the API answers 422). It lives with Approvals rather than in
/// Platform: POST /api/approval-requests is the only endpoint that takes the header, and the kept row names its request.
/// </summary>
public sealed class IdempotentCreate
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    readonly string keyId;
    readonly string? tenant;
    readonly string bodyHash;
    readonly Func<ApprovalRequest, string> answer;

    /// <param name="keyId">The machine client's key id: each client has its own keys.</param>
    /// <param name="tenant">The client's tenant, kept with the key.</param>
    /// <param name="key">The header's value.</param>
    /// <param name="body">The body as sent: a retry is recognised by its bytes.</param>
    /// <param name="answer">Renders the 201 body of a created request, which is kept for retries.</param>
    public IdempotentCreate(string keyId, string? tenant, string key, ReadOnlySpan<byte> body, Func<ApprovalRequest, string> answer)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength);
        (this.keyId, this.tenant, Key, this.answer) = (keyId, tenant, key, answer);
        bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
    }

    public string Key { get; }

    /// <summary>Creates the request, unless the key was used before: then the earlier answer, or a refusal for another body.</summary>
    public async Task<ApprovalCreateResult> CreateAsync(ApprovalService approvals, IDbContextFactory<OpsDbContext> contexts,
        NewApprovalRequest input, CancellationToken ct = default)
    {
        // A plain retry costs one read and no transaction; a race between two first submissions is settled in ClaimAsync.
        await using (var db = await contexts.CreateDbContextAsync(ct))
            if (await EarlierAsync(db, ct) is { } earlier)
                return Answer(earlier);
        return await approvals.CreateAsync(input, this, ct);
    }

    /// <summary>In the creating transaction: takes the key, so that submissions racing with it go one after another and the
    /// later ones find the first's row. Returns that row when there is one.</summary>
    internal async Task<ApprovalIdempotencyKey?> ClaimAsync(OpsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({keyId + "\n" + Key}))", ct);
        return await EarlierAsync(db, ct);
    }

    /// <summary>Keeps the answer beside the request it created, in the same transaction.</summary>
    internal void Keep(OpsDbContext db, ApprovalRequest created, DateTimeOffset now) => db.ApprovalIdempotencyKeys.Add(new()
    {
        KeyId = keyId,
        Tenant = tenant,
        Key = Key,
        BodyHash = bodyHash,
        RequestId = created.Id,
        Response = answer(created),
        CreatedAt = now,
    });

    /// <summary>What an earlier use of the key means for this submission.</summary>
    internal ApprovalCreateResult Answer(ApprovalIdempotencyKey earlier) =>
        earlier.BodyHash == bodyHash ? new() { Replayed = earlier } : new() { KeyReused = earlier };

    Task<ApprovalIdempotencyKey?> EarlierAsync(OpsDbContext db, CancellationToken ct)
    {
        var (client, key) = (keyId, Key);
        return db.ApprovalIdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == client && k.Key == key, ct);
    }
}
