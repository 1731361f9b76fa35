namespace OpsConsole.Platform.Live;

/// <summary>
/// Hears another NOTIFY channel on the live relay's connection, so that each instance holds one listening connection.
/// </summary>
public interface ISignalListener
{
    string Channel { get; }

    /// <summary>A payload sent on <see cref="Channel"/>; called on the relay's thread, so it must return at once.</summary>
    void OnSignal(string payload);

    /// <summary>The relay listens, for the first time or again: signals sent while nobody listened are gone, so find out
    /// afresh what they would have said. Must return at once.</summary>
    void OnListening();
}
