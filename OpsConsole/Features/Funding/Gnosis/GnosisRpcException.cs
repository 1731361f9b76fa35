namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>A JSON-RPC call to Gnosis that got no usable answer (refused connection, error status, a JSON-RPC error,
/// malformed body).</summary>
public sealed class GnosisRpcException(string message, Exception? inner = null) : ChainReadException(message, inner);
