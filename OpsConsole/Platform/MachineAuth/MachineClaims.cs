namespace OpsConsole.Platform.MachineAuth;

/// <summary>Claims of a request signed by a machine client.</summary>
public static class MachineClaims
{
    public const string KeyId = "ops:machine_key";
    public const string Tenant = "ops:tenant";
    public const string Scope = "ops:scope";
}
