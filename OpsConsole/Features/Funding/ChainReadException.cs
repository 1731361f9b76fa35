namespace OpsConsole.Features.Funding;

/// <summary>A chain that could not be read (refused connection, error status, malformed answer): the observer stores it as
/// the handle's last error and reads the handle again next poll.</summary>
public class ChainReadException(string message, Exception? inner = null) : Exception(message, inner);
