namespace OpsConsole.Platform.MachineAuth;

/// <summary>One MachineClients:Keys:&lt;KeyId&gt; entry. Holds a secret, so it has no printable form.</summary>
public sealed class MachineClientKey
{
    public string Secret { get; init; } = "";
    public string Tenant { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Why the Scopes setting could not be read, if it could not.</summary>
    public string? ScopesError { get; init; }
}
