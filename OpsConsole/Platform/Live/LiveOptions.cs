namespace OpsConsole.Platform.Live;

/// <summary>Settings of the live relay, bound from "Live"; the connection string comes from ConnectionStrings:OpsDb.</summary>
public sealed class LiveOptions
{
    public string ConnectionString { get; set; } = "";

    /// <summary>First wait after the listening connection fails; doubles on each further failure.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the relay waits quietly before it checks that its connection still answers.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each open hub connection's sign-in is checked; one that no longer holds is closed.</summary>
    public TimeSpan ConnectionCheckEvery { get; set; } = TimeSpan.FromSeconds(15);
}
