namespace OpsConsole.Features.DeadLetters;

/// <summary>Counts of a remediation applied to many records, each handled on its own.</summary>
public sealed record BulkRemediationResult(int Resolved, int Discarded, int StillFailing, int Skipped)
{
    public int Total => Resolved + Discarded + StillFailing + Skipped;

    public static BulkRemediationResult Tally(IEnumerable<RemediationResult> results)
    {
        int resolved = 0, discarded = 0, failing = 0, skipped = 0;
        foreach (var r in results)
        {
            switch (r.Outcome)
            {
                case RemediationOutcome.Resolved: resolved++; break;
                case RemediationOutcome.Discarded: discarded++; break;
                case RemediationOutcome.StillFailing: failing++; break;
                default: skipped++; break;
            }
        }
        return new(resolved, discarded, failing, skipped);
    }

    public override string ToString() =>
        $"{Resolved} resolved, {Discarded} discarded, {StillFailing} still failing, {Skipped} skipped";
}
