namespace OpsConsole.Platform.Startup;

/// <summary>Demo data a feature adds on start when Demo:Enabled is on, and never otherwise.</summary>
public interface IDemoSeed
{
    /// <summary>Seeds run from the lowest Order up, so one can rely on what a lower one made (people before their requests).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
