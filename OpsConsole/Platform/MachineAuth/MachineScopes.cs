namespace OpsConsole.Platform.MachineAuth;

/// <summary>What a machine-client key may do, as written in MachineClients:Keys:&lt;KeyId&gt;:Scopes.</summary>
public static class MachineScopes
{
    public const string ApprovalsSubmit = "Approvals:Submit";
    public const string DeadLettersRead = "DeadLetters:Read";
    public const string MetricsRead = "Metrics:Read";

    /// <summary>Every scope the console knows; the demo key holds them all.</summary>
    public static readonly IReadOnlyList<string> All = [ApprovalsSubmit, DeadLettersRead, MetricsRead];
}
