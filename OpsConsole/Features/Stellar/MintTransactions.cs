using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Stellar;

/// <summary>Reads a request's mint transactions, newest first, and the request it was resubmitted as, if any.</summary>
public sealed class MintTransactions(IDbContextFactory<OpsDbContext> contexts)
{
    public async Task<IReadOnlyList<MintTransactionView>> ForRequestAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var submissions = await db.StellarSubmissions.AsNoTracking().Where(s => s.RequestId == requestId)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        var ids = submissions.Select(s => s.Id).ToList();
        var attempts = (await db.StellarSubmissionAttempts.AsNoTracking().Where(a => ids.Contains(a.SubmissionId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.SubmissionId);
        return [.. submissions.Select(s => new MintTransactionView(s, Decode(s), [.. attempts[s.Id]]))];
    }

    /// <summary>The request opened to try again after this one, so the page links forward as the new one links back.</summary>
    public async Task<Guid?> ResubmittedAsAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApprovalRequests.Where(r => r.ResubmissionOf == requestId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }

    static PaymentEnvelope? Decode(MintSubmission s)
    {
        if (s.EnvelopeXdr.Length == 0)
            return null;
        try
        {
            return PaymentXdr.FromBase64(s.EnvelopeXdr);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
