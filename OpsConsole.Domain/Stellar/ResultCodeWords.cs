namespace OpsConsole.Domain.Stellar;

/// <summary>What a result code means for a mint, and what a person does about it.</summary>
public static class ResultCodeWords
{
    static readonly Dictionary<string, string> Words = new()
    {
        ["tx_too_late"] = "The transaction reached the network after its maxTime. Resubmit the request to mint with a new approval.",
        ["tx_too_early"] = "The transaction reached the network before its minTime. Check the console's clock.",
        ["tx_bad_seq"] = "The sequence number was not the issuing account's next one; another transaction used it.",
        ["tx_bad_auth"] = "The signature does not match the issuing account's signers. Check Stellar:IssuerSeed against the issuer.",
        ["tx_bad_auth_extra"] = "The transaction carries a signature that is not needed. Check the issuing account's signers.",
        ["tx_insufficient_fee"] = "The fee was below what the network charges now. Retry when the network is less busy.",
        ["tx_insufficient_balance"] = "The issuing account lacks the lumens for the fee and its reserve. Fund the issuing account.",
        ["tx_no_source_account"] = "The issuing account does not exist on this network. Check Stellar:IssuerSeed and the network.",
        ["tx_missing_operation"] = "The transaction had no operation.",
        ["tx_malformed"] = "The network found the transaction malformed.",
        ["tx_internal_error"] = "The network failed internally. Look the hash up before anything else.",
        ["op_no_trust"] = "The destination has no trustline to the asset. Ask its owner to add one, then resubmit.",
        ["op_not_authorized"] = "The destination's trustline is not authorized by the issuer. Authorize it, then resubmit.",
        ["op_line_full"] = "The destination's trustline limit would be exceeded. Ask its owner to raise the limit.",
        ["op_no_destination"] = "The destination account does not exist. Check the destination, then resubmit.",
        ["op_underfunded"] = "The source cannot pay this amount (a mint must come from the issuing account).",
        ["op_src_no_trust"] = "The source has no trustline to the asset (a mint must come from the issuing account).",
        ["op_src_not_authorized"] = "The source is not authorized to hold the asset.",
        ["op_no_issuer"] = "The asset's issuer does not exist. Check the request's issuer.",
        ["op_malformed"] = "The payment is malformed (amount, asset or destination).",
        ["op_bad_auth"] = "The operation's source did not sign.",
    };

    public static string Describe(string code) => Words.GetValueOrDefault(code, $"The network answered {code}.");

    /// <summary>One line for the transaction code and each operation code, in order.</summary>
    public static string Describe(string transaction, IEnumerable<string> operations) =>
        string.Join(" ", new[] { transaction }.Concat(operations)
            .Where(c => c is not ("tx_failed" or "op_success"))
            .Select(Describe)
            .DefaultIfEmpty(Describe(transaction)));
}
