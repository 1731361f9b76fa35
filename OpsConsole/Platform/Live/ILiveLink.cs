namespace OpsConsole.Platform.Live;

/// <summary>Whether this instance hears committed changes now: false while the relay's listening connection is down and
/// being reopened, when pages that show live state should say they may be behind.</summary>
public interface ILiveLink
{
    bool IsListening { get; }
}
