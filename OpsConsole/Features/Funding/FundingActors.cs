using System.Security.Claims;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Funding;

/// <summary>Who acts on funding in the audit trail: <c>machine:{key}</c> for a machine client, else the person's email or name.</summary>
static class FundingActors
{
    public static string Of(ClaimsPrincipal caller) =>
        MachineCaller.From(caller) is { } machine ? $"machine:{machine.KeyId}"
        : caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name
        ?? throw new UnauthorizedAccessException("Only a signed-in user with an email, or a machine client, may act on funding.");
}
