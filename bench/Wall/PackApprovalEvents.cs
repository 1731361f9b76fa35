using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// The Task Runner's approval events the pack ingest benchmarks post, built from the client contract: each a new
/// <see cref="PackApprovalRequested"/> (its own run id and resume token), so every request opens its approval request
/// (202) and none takes the duplicate path (200). Sent with the documented demo key (tenant <c>demo</c>, every scope, so
/// Notifier.Events:Write), which exists only with Demo:Enabled; the demo's users and routing rules are then those the
/// events reach. The resume callback points at 127.0.0.1 and is called only on a decision, which the bench never makes.
/// </summary>
static class PackApprovalEvents
{
    public const string Path = "/notifications/pack-approvals";

    /// <summary>Demo data (the treasury department with its Operator and Manager, the routing rules, the demo key) without
    /// the living demo's feeds; pack approvals go to the treasury, where people can decide them.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Demo__Enabled"] = "true",
        ["Demo__LiveFeeds"] = "false",
        ["PackApprovals__Department"] = "treasury",
    };

    public static IngestTarget Target { get; } =
        new(Path, MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret, Body, 6_000);

    /// <summary>The <paramref name="i"/>-th event of run <paramref name="prefix"/> begun at <paramref name="origin"/>,
    /// counted on from the warm-up through the timed part.</summary>
    static string Body(string prefix, int i, DateTimeOffset origin)
    {
        var runId = $"bench-{prefix}{origin.ToUnixTimeMilliseconds()}-{i}";
        return PackEventsFor.Json(PackEventsFor.Requested(runId, origin, tenant: MachineClientOptions.DemoTenant, callback: "http://127.0.0.1:9/resume")
            with
        { ResumeToken = $"resume-{runId}" });
    }
}
