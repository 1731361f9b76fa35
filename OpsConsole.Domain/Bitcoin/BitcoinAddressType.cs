namespace OpsConsole.Domain.Bitcoin;

/// <summary>The kinds of output a deposit address may name.</summary>
public enum BitcoinAddressType
{
    P2PKH,
    P2SH,
    P2WPKH,
    P2WSH,
    P2TR,
}
