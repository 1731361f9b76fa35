namespace OpsConsole.Domain.Bitcoin;

/// <summary>
/// The verdict on one address for one network: its type, canonical text (bech32 in lower case) and output script when
/// valid; else the kind of problem and a sentence saying what is wrong.
/// </summary>
public sealed record BitcoinAddressCheck(
    string Address,
    BitcoinAddressType? Type,
    string? ScriptPubKeyHex,
    BitcoinAddressProblem? Problem,
    string? Reason)
{
    public bool IsValid => Problem is null;

    public static BitcoinAddressCheck Valid(string address, BitcoinAddressType type, string scriptPubKeyHex) =>
        new(address, type, scriptPubKeyHex, null, null);

    public static BitcoinAddressCheck Refused(string address, BitcoinAddressProblem problem, string reason) =>
        new(address, null, null, problem, reason);
}
