namespace OpsConsole.Domain.Stellar;

/// <summary>
/// The codes of a TransactionResult (RPC's errorResultXdr and resultXdr, Horizon's result_xdr) as Horizon names them:
/// "tx_bad_seq", or "tx_failed" with one code per operation ("op_no_trust"). Only the codes are read; the fee charged
/// and anything after the first operation's payment result are skipped.
/// </summary>
public static class TransactionResultXdr
{
    static readonly Dictionary<int, string> TransactionCodes = new()
    {
        [1] = "tx_fee_bump_inner_success",
        [0] = "tx_success",
        [-1] = "tx_failed",
        [-2] = "tx_too_early",
        [-3] = "tx_too_late",
        [-4] = "tx_missing_operation",
        [-5] = "tx_bad_seq",
        [-6] = "tx_bad_auth",
        [-7] = "tx_insufficient_balance",
        [-8] = "tx_no_source_account",
        [-9] = "tx_insufficient_fee",
        [-10] = "tx_bad_auth_extra",
        [-11] = "tx_internal_error",
        [-12] = "tx_not_supported",
        [-13] = "tx_fee_bump_inner_failed",
        [-14] = "tx_bad_sponsorship",
        [-15] = "tx_bad_min_seq_age_or_gap",
        [-16] = "tx_malformed",
        [-17] = "tx_soroban_invalid",
    };

    static readonly Dictionary<int, string> OperationCodes = new()
    {
        [-1] = "op_bad_auth",
        [-2] = "op_no_source_account",
        [-3] = "op_not_supported",
        [-4] = "op_too_many_subentries",
        [-5] = "op_exceeded_work_limit",
        [-6] = "op_too_many_sponsoring",
    };

    static readonly Dictionary<int, string> PaymentCodes = new()
    {
        [0] = "op_success",
        [-1] = "op_malformed",
        [-2] = "op_underfunded",
        [-3] = "op_src_no_trust",
        [-4] = "op_src_not_authorized",
        [-5] = "op_no_destination",
        [-6] = "op_no_trust",
        [-7] = "op_not_authorized",
        [-8] = "op_line_full",
        [-9] = "op_no_issuer",
    };

    /// <summary>The transaction's code and, for tx_failed and tx_success, each operation's.</summary>
    public static (string Transaction, IReadOnlyList<string> Operations) Read(string base64)
    {
        var xdr = new XdrReader(Convert.FromBase64String(base64));
        xdr.Int64("result.feeCharged");
        var code = xdr.Int32("result.code");
        var name = TransactionCodes.GetValueOrDefault(code, $"tx_code_{code}");
        if (code is not (0 or -1))
            return (name, []);
        var operations = new List<string>();
        var count = xdr.UInt32("result.results");
        for (var i = 0; i < count; i++)
        {
            var at = xdr.Offset;
            var outer = xdr.Int32($"result.results[{i}]");
            if (outer != 0)
            {
                operations.Add(OperationCodes.GetValueOrDefault(outer, $"op_code_{outer}"));
                continue;
            }
            var type = xdr.Int32($"result.results[{i}].type");
            if (type != 1)
                throw new XdrFormatException(at, $"result.results[{i}]", $"operation type {type} is outside the subset; only PAYMENT (1) is read.");
            var payment = xdr.Int32($"result.results[{i}].payment");
            operations.Add(PaymentCodes.GetValueOrDefault(payment, $"op_code_{payment}"));
        }
        return (name, operations);
    }
}
