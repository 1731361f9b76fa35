namespace OpsConsole.Domain.Identity;

/// <summary>Where a sign-in stands: still usable, or why not.</summary>
public enum SessionState
{
    Active,
    /// <summary>Ended on purpose: signed out, or ended by an Admin or an account change.</summary>
    Ended,
    /// <summary>Nothing happened in it for longer than the idle timeout.</summary>
    IdleTimedOut,
    /// <summary>Older than the absolute lifetime.</summary>
    Expired,
}
