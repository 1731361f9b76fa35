namespace OpsConsole.Features.Funding.Esplora;

/// <summary>A call to Esplora that got no usable answer (refused connection, error status, malformed body).</summary>
public sealed class EsploraException(string message, Exception? inner = null) : ChainReadException(message, inner);
