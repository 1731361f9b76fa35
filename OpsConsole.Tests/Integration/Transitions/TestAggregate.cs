namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>A minimal aggregate with a state and an xmin version, standing in for the real ones.</summary>
public sealed class TestAggregate
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    /// <summary>Bumped by a competing writer to change the row's xmin underneath an attempt.</summary>
    public int Touches { get; set; }
    public List<string> Tags { get; set; } = [];
    public uint Version { get; set; }

    /// <summary>The pure rule under test: only a draft can be submitted.</summary>
    public static string? Submitted(string state) => state == "Draft" ? "Submitted" : null;
}
