namespace OpsConsole.Features.Funding;

/// <summary>Which Bitcoin chain the funding observer reads (Bitcoin:Mode).</summary>
public enum BitcoinMode
{
    /// <summary>An in-process chain answering Esplora's HTTP shapes, under the real <see cref="Esplora.EsploraClient"/>; for demo and tests.</summary>
    Simulated,

    /// <summary>An Esplora-compatible REST API at Bitcoin:EsploraUrl.</summary>
    Esplora,
}
