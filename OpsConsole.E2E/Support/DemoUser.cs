namespace OpsConsole.E2E.Support;

/// <summary>The demo accounts the app seeds with Demo:Enabled (DESIGN.md), as a person would type them.</summary>
public sealed record DemoUser(string Email, string DisplayName)
{
    public const string Password = "Demo-pass-1";

    public static DemoUser Operator { get; } = new("operator@demo.local", "Olivia Operator");
    public static DemoUser Manager { get; } = new("manager@demo.local", "Max Manager");
    public static DemoUser Viewer { get; } = new("viewer@demo.local", "Vic Viewer");
    public static DemoUser Admin { get; } = new("admin@demo.local", "Ada Admin");
    /// <summary>Signed in only by tests that end sessions, so no other test's saved sign-in is ever ended.</summary>
    public static DemoUser Top { get; } = new("top@demo.local", "Tara Top");
    public static DemoUser Remediator { get; } = new("remediator@demo.local", "Remy Remediator");
}
