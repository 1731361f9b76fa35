namespace OpsConsole.Domain.Stellar;

/// <summary>
/// The XDR of the one transaction shape the console sends: a v1 TransactionEnvelope (ENVELOPE_TYPE_TX) with
/// PRECOND_TIME time bounds, a memo (none, text, id or hash), exactly one PAYMENT of a native, alphanum4 or
/// alphanum12 asset, and decorated signatures. Accounts are plain ed25519 keys (KEY_TYPE_ED25519); an operation may
/// carry its own source account, because that is still the same small shape and envelopes made by other tools often
/// carry one. Reading refuses everything else with the offset and the reason.
/// </summary>
public static class PaymentXdr
{
    public const int EnvelopeTypeTx = 2;
    const int KeyTypeEd25519 = 0;
    const int PreconditionTime = 1;
    const int OperationPayment = 1;

    public static byte[] WriteEnvelope(PaymentEnvelope envelope)
    {
        if (envelope.Signatures.Count > PaymentEnvelope.MaxSignatures)
            throw new ArgumentException($"An envelope holds at most {PaymentEnvelope.MaxSignatures} signatures.", nameof(envelope));
        var xdr = new XdrWriter();
        xdr.Int32(EnvelopeTypeTx);
        Write(xdr, envelope.Transaction);
        xdr.UInt32((uint)envelope.Signatures.Count);
        foreach (var signature in envelope.Signatures)
        {
            xdr.FixedOpaque(signature.Hint);
            xdr.VarOpaque(signature.Signature, DecoratedSignature.MaxSignatureBytes);
        }
        return xdr.ToArray();
    }

    /// <summary>The Transaction alone, as it goes into the hash.</summary>
    public static byte[] WriteTransaction(PaymentTransaction transaction)
    {
        var xdr = new XdrWriter();
        Write(xdr, transaction);
        return xdr.ToArray();
    }

    public static string ToBase64(PaymentEnvelope envelope) => Convert.ToBase64String(WriteEnvelope(envelope));

    /// <summary>The envelope in <paramref name="base64"/>; a <see cref="FormatException"/> naming the fault otherwise.</summary>
    public static PaymentEnvelope FromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new XdrFormatException(0, "envelope", "the text is not base64.");
        }
        return ReadEnvelope(bytes);
    }

    public static PaymentEnvelope ReadEnvelope(ReadOnlyMemory<byte> bytes)
    {
        var xdr = new XdrReader(bytes);
        var at = xdr.Offset;
        var type = xdr.Int32("envelope type");
        if (type != EnvelopeTypeTx)
            throw new XdrFormatException(at, "envelope type", type switch
            {
                0 => "ENVELOPE_TYPE_TX_V0 (0) is outside the subset; only ENVELOPE_TYPE_TX (2) is read.",
                5 => "ENVELOPE_TYPE_TX_FEE_BUMP (5) is outside the subset; only ENVELOPE_TYPE_TX (2) is read.",
                _ => $"{type} is outside the subset; only ENVELOPE_TYPE_TX (2) is read.",
            });
        var transaction = ReadTransaction(xdr);
        at = xdr.Offset;
        var count = xdr.UInt32("signatures");
        if (count > PaymentEnvelope.MaxSignatures)
            throw new XdrFormatException(at, "signatures", $"{count} signatures is over the maximum of {PaymentEnvelope.MaxSignatures}.");
        var signatures = new List<DecoratedSignature>((int)count);
        for (var i = 0; i < count; i++)
        {
            var hint = xdr.FixedOpaque(4, $"signatures[{i}].hint");
            signatures.Add(new(hint, xdr.VarOpaque(DecoratedSignature.MaxSignatureBytes, $"signatures[{i}].signature")));
        }
        xdr.End("envelope");
        return new(transaction, signatures);
    }

    static void Write(XdrWriter xdr, PaymentTransaction tx)
    {
        if (tx.Sequence < 0)
            throw new ArgumentException($"A sequence number is not negative ({tx.Sequence}).", nameof(tx));
        if (tx.Payment.Amount <= 0)
            throw new ArgumentException($"A payment's amount is positive ({tx.Payment.Amount} stroops).", nameof(tx));
        WriteAccount(xdr, tx.SourceAccount);
        xdr.UInt32(tx.Fee);
        xdr.Int64(tx.Sequence);
        xdr.Int32(PreconditionTime);
        xdr.UInt64(tx.TimeBounds.MinTime);
        xdr.UInt64(tx.TimeBounds.MaxTime);
        WriteMemo(xdr, tx.Memo);
        xdr.UInt32(1);
        var payment = tx.Payment;
        xdr.UInt32(payment.SourceAccount is null ? 0u : 1u);
        if (payment.SourceAccount is not null)
            WriteAccount(xdr, payment.SourceAccount);
        xdr.Int32(OperationPayment);
        WriteAccount(xdr, payment.Destination);
        WriteAsset(xdr, payment.Asset);
        xdr.Int64(payment.Amount);
        xdr.Int32(0);
    }

    /// <summary>A MuxedAccount or AccountID of type ed25519: both are the discriminant 0 and the 32-byte key.</summary>
    static void WriteAccount(XdrWriter xdr, string accountId)
    {
        xdr.Int32(KeyTypeEd25519);
        xdr.FixedOpaque(StrKey.DecodeAccountId(accountId));
    }

    static void WriteMemo(XdrWriter xdr, StellarMemo memo)
    {
        xdr.Int32((int)memo.Type);
        switch (memo.Type)
        {
            case MemoType.Text:
                xdr.VarOpaque(memo.TextBytes(), StellarMemo.MaxTextBytes);
                break;
            case MemoType.Id:
                xdr.UInt64(memo.Id);
                break;
            case MemoType.Hash:
                xdr.FixedOpaque(memo.Hash!);
                break;
        }
    }

    static void WriteAsset(XdrWriter xdr, StellarAsset asset)
    {
        xdr.Int32((int)asset.Type);
        if (asset.Type == AssetType.Native)
            return;
        var code = new byte[asset.Type == AssetType.CreditAlphanum4 ? 4 : 12];
        for (var i = 0; i < asset.Code.Length; i++)
            code[i] = (byte)asset.Code[i];
        xdr.FixedOpaque(code);
        WriteAccount(xdr, asset.Issuer);
    }

    static PaymentTransaction ReadTransaction(XdrReader xdr)
    {
        var source = ReadAccount(xdr, "transaction.sourceAccount", muxed: true);
        var fee = xdr.UInt32("transaction.fee");
        var at = xdr.Offset;
        var sequence = xdr.Int64("transaction.seqNum");
        if (sequence < 0)
            throw new XdrFormatException(at, "transaction.seqNum", $"a sequence number is not negative ({sequence}).");
        var timeBounds = ReadPreconditions(xdr);
        var memo = ReadMemo(xdr);
        at = xdr.Offset;
        var operations = xdr.UInt32("transaction.operations");
        if (operations != 1)
            throw new XdrFormatException(at, "transaction.operations", $"the subset holds exactly one operation, not {operations}.");
        var payment = ReadPayment(xdr);
        at = xdr.Offset;
        var ext = xdr.Int32("transaction.ext");
        if (ext != 0)
            throw new XdrFormatException(at, "transaction.ext", $"only version 0 is in the subset, not {ext} (Soroban data).");
        return new(source, fee, sequence, timeBounds, memo, payment);
    }

    static TimeBounds ReadPreconditions(XdrReader xdr)
    {
        var at = xdr.Offset;
        var type = xdr.Int32("transaction.cond");
        if (type != PreconditionTime)
            throw new XdrFormatException(at, "transaction.cond", type switch
            {
                0 => "PRECOND_NONE (0): a transaction without time bounds is outside the subset; only PRECOND_TIME (1) is read.",
                2 => "PRECOND_V2 (2) is outside the subset; only PRECOND_TIME (1) is read.",
                _ => $"{type} is no precondition type; only PRECOND_TIME (1) is read.",
            });
        var min = xdr.UInt64("transaction.cond.timeBounds.minTime");
        at = xdr.Offset;
        var max = xdr.UInt64("transaction.cond.timeBounds.maxTime");
        if (max != 0 && min > max)
            throw new XdrFormatException(at, "transaction.cond.timeBounds.maxTime", $"maxTime {max} is before minTime {min}.");
        return new(min, max);
    }

    static StellarMemo ReadMemo(XdrReader xdr)
    {
        var at = xdr.Offset;
        var type = xdr.Int32("transaction.memo");
        switch (type)
        {
            case (int)MemoType.None:
                return StellarMemo.None;
            case (int)MemoType.Text:
                at = xdr.Offset;
                return StellarMemo.FromTextBytes(xdr.VarOpaque(StellarMemo.MaxTextBytes, "transaction.memo.text"))
                    ?? throw new XdrFormatException(at, "transaction.memo.text", "the text is not UTF-8.");
            case (int)MemoType.Id:
                return StellarMemo.ForId(xdr.UInt64("transaction.memo.id"));
            case (int)MemoType.Hash:
                return StellarMemo.ForHash(xdr.FixedOpaque(32, "transaction.memo.hash"));
            default:
                throw new XdrFormatException(at, "transaction.memo", type == 4
                    ? "MEMO_RETURN (4) is outside the subset; only none, text, id and hash are read."
                    : $"{type} is no memo type.");
        }
    }

    static PaymentOperation ReadPayment(XdrReader xdr)
    {
        var source = xdr.Present("operation.sourceAccount") ? ReadAccount(xdr, "operation.sourceAccount", muxed: true) : null;
        var at = xdr.Offset;
        var type = xdr.Int32("operation.body");
        if (type != OperationPayment)
            throw new XdrFormatException(at, "operation.body", $"operation type {type} is outside the subset; only PAYMENT (1) is read.");
        var destination = ReadAccount(xdr, "payment.destination", muxed: true);
        var asset = ReadAsset(xdr);
        at = xdr.Offset;
        var amount = xdr.Int64("payment.amount");
        if (amount <= 0)
            throw new XdrFormatException(at, "payment.amount", $"a payment's amount is positive, not {amount} stroops.");
        return new(source, destination, asset, amount);
    }

    static string ReadAccount(XdrReader xdr, string field, bool muxed)
    {
        var at = xdr.Offset;
        var type = xdr.Int32(field);
        if (type != KeyTypeEd25519)
            throw new XdrFormatException(at, field, muxed && type == 0x100
                ? "KEY_TYPE_MUXED_ED25519 (0x100): muxed accounts are outside the subset; only KEY_TYPE_ED25519 (0) is read."
                : $"key type {type} is outside the subset; only ed25519 (0) is read.");
        return StrKey.EncodeAccountId(xdr.FixedOpaque(32, field));
    }

    static StellarAsset ReadAsset(XdrReader xdr)
    {
        var at = xdr.Offset;
        var type = xdr.Int32("payment.asset");
        if (type == (int)AssetType.Native)
            return StellarAsset.Native;
        if (type is not ((int)AssetType.CreditAlphanum4 or (int)AssetType.CreditAlphanum12))
            throw new XdrFormatException(at, "payment.asset", $"asset type {type} is outside the subset; only native (0), alphanum4 (1) and alphanum12 (2) are read.");
        var width = type == (int)AssetType.CreditAlphanum4 ? 4 : 12;
        at = xdr.Offset;
        var code = ReadAssetCode(xdr.FixedOpaque(width, "payment.asset.code"), width)
            ?? throw new XdrFormatException(at, "payment.asset.code", width == 4
                ? "an alphanum4 code is 1 to 4 ASCII letters or digits, then zero bytes."
                : "an alphanum12 code is 5 to 12 ASCII letters or digits, then zero bytes.");
        var issuer = ReadAccount(xdr, "payment.asset.issuer", muxed: false);
        return StellarAsset.Credit(code, issuer);
    }

    /// <summary>The code, or null when it is not letters and digits followed only by zeros in the width's range.</summary>
    static string? ReadAssetCode(byte[] bytes, int width)
    {
        var length = Array.IndexOf(bytes, (byte)0) is var zero and >= 0 ? zero : bytes.Length;
        var minimum = width == 4 ? 1 : 5;
        if (length < minimum || bytes.Skip(length).Any(b => b != 0) || !bytes.Take(length).All(b => char.IsAsciiLetterOrDigit((char)b)))
            return null;
        return new string([.. bytes.Take(length).Select(b => (char)b)]);
    }
}
