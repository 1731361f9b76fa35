using System.Security.Claims;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>The machine client behind a signed request: its key, tenant and scopes.</summary>
public sealed record MachineCaller(string KeyId, string Tenant, IReadOnlyList<string> Scopes)
{
    public static MachineCaller? From(ClaimsPrincipal user)
    {
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == MachineHmacHandler.SchemeName);
        if (identity?.FindFirst(MachineClaims.KeyId)?.Value is not { } keyId)
            return null;
        return new MachineCaller(keyId, identity.FindFirst(MachineClaims.Tenant)?.Value ?? "",
            identity.FindAll(MachineClaims.Scope).Select(c => c.Value).ToArray());
    }
}
