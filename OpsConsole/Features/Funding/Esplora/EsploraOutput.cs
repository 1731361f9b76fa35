namespace OpsConsole.Features.Funding.Esplora;

/// <summary>One output of an Esplora transaction: its script, the address it pays (absent for scripts without one) and its value in satoshis.</summary>
public sealed record EsploraOutput(string? Scriptpubkey, string? ScriptpubkeyAddress, long Value);
