using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// One attempt at a change: a fresh context inside the executor's transaction, and the services of a scope made for
/// this attempt alone (whatever they resolve, such as Identity's UserManager, shares that context).
/// </summary>
public sealed class TransitionAttempt(OpsDbContext db, IServiceProvider services, int number)
{
    public OpsDbContext Db { get; } = db;
    public IServiceProvider Services { get; } = services;

    /// <summary>1 for the first attempt; a later one follows a conflict that rolled everything back.</summary>
    public int Number { get; } = number;
}
