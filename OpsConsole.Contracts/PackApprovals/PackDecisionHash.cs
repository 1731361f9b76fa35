using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Contracts.PackApprovals;

/// <summary>
/// Names one decision on one approval: lowercase hex SHA-256 of the UTF-8 text
/// <c>tenant LF runId LF approvalId LF planHash LF decision</c>, the plan hash in lowercase without a <c>sha256:</c>
/// prefix and the decision as <see cref="PackDecisions"/> spells it. The comment and the actor are not part of it, so a
/// retry of the same decision is recognised whoever sends it.
/// </summary>
public static class PackDecisionHash
{
    public static string Compute(string tenant, string runId, string approvalId, string planHash, string decision)
    {
        var text = string.Join('\n', tenant, runId, approvalId, PlainPlanHash(planHash), decision.ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The plan hash as the hash covers it: lowercase, without its <c>sha256:</c> prefix.</summary>
    public static string PlainPlanHash(string planHash)
    {
        var lower = planHash.Trim().ToLowerInvariant();
        return lower.StartsWith("sha256:", StringComparison.Ordinal) ? lower["sha256:".Length..] : lower;
    }
}
