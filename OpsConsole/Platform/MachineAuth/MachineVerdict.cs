namespace OpsConsole.Platform.MachineAuth;

/// <summary>The key that signed a request, or the header or check that refused it and why.</summary>
readonly record struct MachineVerdict(string KeyId, MachineClientKey? Key, string? Check, string? Detail, string? StringToSign)
{
    public bool Accepted => Check is null;

    public static MachineVerdict Accept(string keyId, MachineClientKey key) => new(keyId, key, null, null, null);

    public static MachineVerdict Refuse(string check, string detail, string? stringToSign = null) =>
        new("", null, check, detail, stringToSign);
}
