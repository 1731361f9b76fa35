using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;
using static OpsConsole.Domain.PackApprovals.AcceptedPackEventKinds;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Takes a Task Runner event in with one insert, and answers as soon as that insert commits: 202 when it is new, 200 for a
/// repeat (the same content again), 404 for an update of nothing and 409 for content at odds with what was accepted, all
/// judged against the accepted events by <see cref="PackApprovalRules"/>. The approval, its request and its notices follow
/// when <see cref="PackEventProcessing"/> applies the event, in order, a moment later. The first accepted event of an
/// approval revision wins (a unique index), so two instances cannot both accept rival contents. The request's signature is
/// recorded by its first statement (<see cref="SignatureRecordedWithWrite"/>): a requested approval or a hold costs one
/// round trip and one transaction; an update reads what stands first, so its record goes with that read.
/// </summary>
public sealed class PackEventIntake(
    OpsConnections connections,
    ResumeTokens tokens,
    PackEventProcessing processing,
    PackIntakeRate rate,
    IOptions<PackApprovalOptions> options,
    TimeProvider time)
{
    /// <param name="signature">The request's signature, when the endpoint leaves its record to the write; a replay then
    /// fails the first statement with the <see cref="MachineReplayGuard.IsReplay"/> error, and nothing is stored.</param>
    public async Task<PackEventOutcome> AcceptAsync(PackEvent e, MachineCaller caller, CancellationToken ct, MachineSignatureRecord? signature = null)
    {
        await using var opened = await connections.OpenAsync(ct);
        var statements = new Statements(opened, signature);
        var outcome = e switch
        {
            PackApprovalRequested requested => await RequestedAsync(statements, requested, caller, ct),
            PackApprovalUpdated updated => await UpdatedAsync(statements, updated, caller, ct),
            PackPolicyHold hold => await HoldAsync(statements, hold, caller, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a pack event."),
        };
        if (outcome.Status == StatusCodes.Status202Accepted)
        {
            rate.Note();
            processing.Wake();
        }
        return outcome;
    }

    async Task<PackEventOutcome> RequestedAsync(Statements statements, PackApprovalRequested e, MachineCaller caller, CancellationToken ct)
    {
        var fingerprint = PackApprovalRules.Fingerprint(1, e.PlanHash, e.RequiredGrants, e.StepIds, e.Message, e.ResumeCallbackUrl, e.ResumeToken);
        var requestId = Guid.NewGuid();
        if (await InsertAsync(statements, e, Requested, e.ApprovalId, 1, fingerprint, requestId, tokens.Protect(e.ResumeToken), caller, ct))
            return Accepted(e, e.ApprovalId, 1, requestId);
        var stood = await StandingAsync(statements, e.Tenant, e.RunId, e.ApprovalId, ct);
        var verdict = PackApprovalRules.OnRequested(stood?.Revision, fingerprint);
        return verdict.Kind == PackVerdictKind.Repeat ? Duplicate(e, e.ApprovalId, stood!) : PackEventOutcome.Conflict(verdict.Reason!);
    }

    async Task<PackEventOutcome> UpdatedAsync(Statements statements, PackApprovalUpdated e, MachineCaller caller, CancellationToken ct)
    {
        // Twice at most: a rival revision accepted between the read and the insert is read and judged once more.
        for (var look = 1; ; look++)
        {
            var stood = await StandingAsync(statements, e.Tenant, e.RunId, e.ApprovalId, ct);
            // Without a new token the standing one stays, and so does its part of the fingerprint.
            var token = e.ResumeToken ?? (stood is null ? null : tokens.Unprotect(stood.ProtectedResumeToken));
            var fingerprint = PackApprovalRules.Fingerprint(e.Revision, e.PlanHash, e.RequiredGrants, e.StepIds, e.Message, e.ResumeCallbackUrl, token);
            var verdict = PackApprovalRules.OnUpdated(stood?.Revision, e.Revision, fingerprint, stood?.Undecided ?? true);
            switch (verdict.Kind)
            {
                case PackVerdictKind.Missing:
                    return PackEventOutcome.Missing(verdict.Reason!);
                case PackVerdictKind.Repeat:
                    return Duplicate(e, e.ApprovalId, stood!);
                case PackVerdictKind.Conflict:
                    return PackEventOutcome.Conflict(verdict.Reason!);
            }
            var protectedToken = e.ResumeToken is null ? stood!.ProtectedResumeToken : tokens.Protect(e.ResumeToken);
            if (await InsertAsync(statements, e, Updated, e.ApprovalId, e.Revision, fingerprint, stood!.RequestId, protectedToken, caller, ct))
                return Accepted(e, e.ApprovalId, e.Revision, stood.RequestId);
            if (look == 2)
                return PackEventOutcome.Conflict($"Revision {e.Revision} of approval {e.ApprovalId} was accepted with other content meanwhile.");
        }
    }

    async Task<PackEventOutcome> HoldAsync(Statements statements, PackPolicyHold e, MachineCaller caller, CancellationToken ct)
    {
        var answer = new PackEventAnswer { Status = "", EventId = e.EventId, Type = PackEventTypes.PolicyHold, RunId = e.RunId };
        return await InsertAsync(statements, e, Hold, e.Gate, 0, null, null, null, caller, ct)
            ? PackEventOutcome.Accepted(answer with { Status = PackEventStatuses.Accepted })
            : PackEventOutcome.Duplicate(answer with { Status = PackEventStatuses.Duplicate });
    }

    /// <summary>Stores the event unless its revision (or, for a hold, its event id) was accepted before; true when stored.</summary>
    async Task<bool> InsertAsync(Statements statements, PackEvent e, string kind, string item, int revision, string? fingerprint,
        Guid? requestId, string? protectedToken, MachineCaller caller, CancellationToken ct)
    {
        var unique = kind == Hold ? $"(tenant, event_id) WHERE kind = '{Hold}'" : $"(tenant, run_id, item, revision) WHERE kind <> '{Hold}'";
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO pack_events (tenant, event_id, kind, run_id, item, revision, fingerprint, request_id, body,
                protected_resume_token, key_id, correlation_id, received_at)
            VALUES (@tenant, @event_id, @kind, @run_id, @item, @revision, @fingerprint, @request_id, @body::jsonb,
                @token, @key_id, @correlation_id, @now)
            ON CONFLICT {unique} DO NOTHING
            """);
        cmd.Parameters.AddWithValue("tenant", e.Tenant);
        cmd.Parameters.AddWithValue("event_id", e.EventId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("run_id", e.RunId);
        cmd.Parameters.AddWithValue("item", item);
        cmd.Parameters.AddWithValue("revision", revision);
        cmd.Parameters.AddWithValue("fingerprint", (object?)fingerprint ?? DBNull.Value);
        cmd.Parameters.AddWithValue("request_id", (object?)requestId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("body", PackEventBodies.Write(e));
        cmd.Parameters.AddWithValue("token", (object?)protectedToken ?? DBNull.Value);
        cmd.Parameters.AddWithValue("key_id", caller.KeyId);
        cmd.Parameters.AddWithValue("correlation_id", e.CorrelationId ?? e.EventId);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow());
        await using var batch = statements.Batch(cmd);
        await batch.ExecuteNonQueryAsync(ct);
        return cmd.RecordsAffected == 1;
    }

    /// <summary>The approval's latest accepted revision, with whether its request still waits for a decision.</summary>
    static async Task<Standing?> StandingAsync(Statements statements, string tenant, string runId, string approvalId, CancellationToken ct)
    {
        var cmd = new NpgsqlBatchCommand($"""
            SELECT e.revision, e.fingerprint, e.request_id, e.protected_resume_token,
                   pa.decision IS NULL AND (r.status IS NULL OR r.status = 'Pending') AS undecided
            FROM pack_events e
            LEFT JOIN pack_approvals pa ON pa.tenant = e.tenant AND pa.run_id = e.run_id AND pa.approval_id = e.item
            LEFT JOIN approval_requests r ON r.id = pa.request_id
            WHERE e.tenant = @tenant AND e.run_id = @run_id AND e.item = @item AND e.kind <> '{Hold}'
            ORDER BY e.revision DESC
            LIMIT 1
            """);
        cmd.Parameters.AddWithValue("tenant", tenant);
        cmd.Parameters.AddWithValue("run_id", runId);
        cmd.Parameters.AddWithValue("item", approvalId);
        await using var batch = statements.Batch(cmd);
        await using var row = await batch.ExecuteReaderAsync(ct);
        // The signature's record, when it went first, answers first.
        if (batch.BatchCommands.Count > 1)
            await row.NextResultAsync(ct);
        if (!await row.ReadAsync(ct))
            return null;
        var revision = new PackRevision(runId, approvalId, row.GetInt32(0), row.GetString(1));
        return new Standing(revision, row.GetGuid(2), row.GetString(3), row.GetBoolean(4));
    }

    /// <summary>The request's statements, on one connection; the first of them also records the request's signature when it
    /// is left to the write, in the same round trip and transaction.</summary>
    sealed class Statements(NpgsqlConnection connection, MachineSignatureRecord? signature)
    {
        MachineSignatureRecord? unrecorded = signature;

        public NpgsqlBatch Batch(NpgsqlBatchCommand command)
        {
            var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(command);
            if (unrecorded is { } record)
                MachineReplayGuard.AddTo(batch, record);
            unrecorded = null;
            return batch;
        }
    }

    sealed record Standing(PackRevision Revision, Guid RequestId, string ProtectedResumeToken, bool Undecided);

    PackEventOutcome Accepted(PackEvent e, string approvalId, int revision, Guid requestId) =>
        PackEventOutcome.Accepted(Answer(PackEventStatuses.Accepted, e, approvalId, revision, requestId));

    PackEventOutcome Duplicate(PackEvent e, string approvalId, Standing stood) =>
        PackEventOutcome.Duplicate(Answer(PackEventStatuses.Duplicate, e, approvalId, stood.Revision.Revision, stood.RequestId));

    PackEventAnswer Answer(string status, PackEvent e, string approvalId, int revision, Guid requestId) => new()
    {
        Status = status,
        EventId = e.EventId,
        Type = e is PackApprovalRequested ? PackEventTypes.ApprovalRequested : PackEventTypes.ApprovalUpdated,
        RunId = e.RunId,
        ApprovalId = approvalId,
        Revision = revision,
        RequestId = requestId,
        Link = options.Value.LinkTo(requestId),
    };
}
