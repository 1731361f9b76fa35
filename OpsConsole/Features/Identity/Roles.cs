namespace OpsConsole.Features.Identity;

/// <summary>The console's roles. Tiers 1–3 are the approval ladder; the rest are duties.</summary>
public static class Roles
{
    public const string Operator = "Operator";
    public const string Manager = "Manager";
    public const string TopManagement = "TopManagement";
    public const string Remediator = "Remediator";
    public const string Viewer = "Viewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Operator, Manager, TopManagement, Remediator, Viewer, Admin];
}
