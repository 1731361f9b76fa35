namespace OpsConsole.Features.Identity;

public static class OpsClaims
{
    public const string DisplayName = "ops:display_name";
    public const string Department = "ops:department";

    /// <summary>Held by a wall display opened with the wall token instead of a person's sign-in; its value tells which
    /// token opened it, so a display opened with a replaced token is let go.</summary>
    public const string WallDisplay = "ops:wall-display";
}
