using System.Security.Claims;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;

namespace OpsConsole.Features.Approvals;

/// <summary>The Domain's view of a signed-in user: email, roles and departments from the sign-in claims.</summary>
public static class ApprovalActors
{
    public static ApprovalActor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name
            ?? throw new InvalidOperationException("Only a signed-in user with an email can act on a request.");
        return ApprovalActor.User(id,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value),
            user.FindAll(OpsClaims.Department).Select(c => c.Value));
    }
}
