namespace OpsConsole.Platform.Data;

/// <summary>The database could not be brought to this build's schema; the message says what PostgreSQL refused and
/// what the operator can do, without the connection string.</summary>
public sealed class DatabaseMigrationException(string message, Exception inner) : Exception(message, inner);
