namespace OpsConsole.Domain.Stellar;

/// <summary>The LedgerKey of an account, which Stellar RPC's getLedgerEntries takes, and the sequence number read
/// from the LedgerEntryData it answers with (AccountEntry: accountID, balance, seqNum, then fields not read).</summary>
public static class AccountLedgerXdr
{
    const int LedgerEntryTypeAccount = 0;

    public static string LedgerKey(string accountId)
    {
        var xdr = new XdrWriter();
        xdr.Int32(LedgerEntryTypeAccount);
        xdr.Int32(0);
        xdr.FixedOpaque(StrKey.DecodeAccountId(accountId));
        return Convert.ToBase64String(xdr.ToArray());
    }

    /// <summary>A LedgerEntryData of type ACCOUNT with no subentries, inflation destination, flags, home domain or
    /// signers, as a network answers for a plain account.</summary>
    public static string WriteEntry(string accountId, long balance, long sequence)
    {
        var xdr = new XdrWriter();
        xdr.Int32(LedgerEntryTypeAccount);
        xdr.Int32(0);
        xdr.FixedOpaque(StrKey.DecodeAccountId(accountId));
        xdr.Int64(balance);
        xdr.Int64(sequence);
        xdr.UInt32(0);
        xdr.UInt32(0);
        xdr.UInt32(0);
        xdr.VarOpaque([], 32);
        xdr.FixedOpaque([1, 0, 0, 0]);
        xdr.UInt32(0);
        xdr.Int32(0);
        return Convert.ToBase64String(xdr.ToArray());
    }

    public static (string AccountId, long Sequence) ReadSequence(string ledgerEntryDataBase64)
    {
        var xdr = new XdrReader(Convert.FromBase64String(ledgerEntryDataBase64));
        var type = xdr.Int32("entry.type");
        if (type != LedgerEntryTypeAccount)
            throw new XdrFormatException(0, "entry.type", $"ledger entry type {type} is not ACCOUNT (0).");
        var keyType = xdr.Int32("account.accountID");
        if (keyType != 0)
            throw new XdrFormatException(4, "account.accountID", $"key type {keyType} is not ed25519 (0).");
        var account = StrKey.EncodeAccountId(xdr.FixedOpaque(32, "account.accountID"));
        xdr.Int64("account.balance");
        return (account, xdr.Int64("account.seqNum"));
    }
}
