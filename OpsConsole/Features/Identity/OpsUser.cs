using Microsoft.AspNetCore.Identity;

namespace OpsConsole.Features.Identity;

public sealed class OpsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>A disabled user cannot sign in; the row stays so that audit events keep naming a real account.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<UserDepartment> Departments { get; set; } = [];
}
