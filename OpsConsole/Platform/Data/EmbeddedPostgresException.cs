namespace OpsConsole.Platform.Data;

/// <summary>The embedded cluster could not be started; the message is one line meant for the operator.</summary>
public sealed class EmbeddedPostgresException(string message, Exception? inner = null) : Exception(message, inner);
