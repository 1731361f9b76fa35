namespace OpsConsole.Features.Identity;

public sealed class Department
{
    /// <summary>A short stable key such as <c>treasury</c>; requests and users refer to it.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
}
