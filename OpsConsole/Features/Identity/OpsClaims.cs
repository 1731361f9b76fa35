namespace OpsConsole.Features.Identity;

public static class OpsClaims
{
    public const string DisplayName = "ops:display_name";
    public const string Department = "ops:department";
}
