namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// A proven request signature still to be recorded against replay: left on the request by the verifier for an endpoint
/// that records it in the same transaction as its own write (<see cref="SignatureRecordedWithWrite"/>).
/// </summary>
public sealed record MachineSignatureRecord(string Signature, string KeyId, DateTimeOffset SeenAt);
