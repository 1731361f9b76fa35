namespace OpsConsole.E2E.Support;

/// <summary>The demo accounts the app seeds with Demo:Enabled (DESIGN.md), as a person would type them.</summary>
public sealed record DemoUser(string Email, string DisplayName)
{
    public const string Password = "Demo-pass-1";

    public static DemoUser Operator { get; } = new("operator@demo.local", "Olivia Operator");
    public static DemoUser Manager { get; } = new("manager@demo.local", "Max Manager");
    public static DemoUser Top { get; } = new("top@demo.local", "Tara Top");
    public static DemoUser Viewer { get; } = new("viewer@demo.local", "Vic Viewer");
    public static DemoUser Admin { get; } = new("admin@demo.local", "Ada Admin");
    public static DemoUser Remediator { get; } = new("remediator@demo.local", "Remy Remediator");

    /// <summary>Every demo account, one per role.</summary>
    public static IReadOnlyList<DemoUser> All { get; } = [Operator, Manager, Top, Remediator, Viewer, Admin];
}
