namespace OpsConsole.Platform.Data;

/// <summary>A machine-client signature already accepted; a second request carrying it is a replay.</summary>
public sealed class MachineRequestSignature
{
    public required string Signature { get; set; }
    public required string KeyId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
