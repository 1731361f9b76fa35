namespace OpsConsole.Features.Identity;

public sealed class UserDepartment
{
    public required string UserId { get; set; }
    public required string DepartmentId { get; set; }
}
