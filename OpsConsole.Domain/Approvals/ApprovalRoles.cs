namespace OpsConsole.Domain.Approvals;

/// <summary>The role names the approval rules depend on; they equal the host's Identity roles (a test keeps them so).</summary>
public static class ApprovalRoles
{
    public const string Operator = "Operator";
    public const string Manager = "Manager";
    public const string TopManagement = "TopManagement";
    public const string Admin = "Admin";

    /// <summary>The role that holds a request at each tier of the ladder.</summary>
    public static string ForTier(int tier) => tier switch
    {
        1 => Operator,
        2 => Manager,
        3 => TopManagement,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Tiers run from 1 to 3."),
    };
}
