namespace OpsConsole.Features.Stellar.Network;

/// <summary>A call to the network that got no usable answer (refused connection, error status, malformed body).</summary>
public sealed class StellarNetworkException(string message, Exception? inner = null) : Exception(message, inner);
