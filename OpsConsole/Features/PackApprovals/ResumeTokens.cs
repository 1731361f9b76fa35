using Microsoft.AspNetCore.DataProtection;

namespace OpsConsole.Features.PackApprovals;

/// <summary>Keeps resume tokens encrypted at rest (ASP.NET Core Data Protection, keys in the database): the clear token
/// exists only in the event that brought it and in the resume call that hands it back.</summary>
public sealed class ResumeTokens(IDataProtectionProvider provider)
{
    readonly IDataProtector protector = provider.CreateProtector("OpsConsole.PackApprovals.ResumeToken.v1");

    public string Protect(string token) => protector.Protect(token);

    public string Unprotect(string protectedToken) => protector.Unprotect(protectedToken);
}
