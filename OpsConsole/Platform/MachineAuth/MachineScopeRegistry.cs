namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// The scopes the features registered (<see cref="MachineAuthFeature.AddMachineScope"/>), in registration order: a key
/// may hold only these, and the demo key holds them all.
/// </summary>
public sealed class MachineScopeRegistry(IEnumerable<MachineScope> scopes)
{
    public IReadOnlyList<string> All { get; } = [.. scopes.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase)];

    // Settings are case-insensitive everywhere else, and so is the scope check of a request.
    public bool IsKnown(string scope) => All.Contains(scope, StringComparer.OrdinalIgnoreCase);
}
