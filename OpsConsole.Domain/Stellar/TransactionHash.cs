using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpsConsole.Domain.Stellar;

/// <summary>The hash that names a transaction and that its signers sign:
/// SHA-256(network id ‖ uint32 ENVELOPE_TYPE_TX ‖ Transaction XDR).</summary>
public static class TransactionHash
{
    public static byte[] Compute(PaymentTransaction transaction, string networkPassphrase)
    {
        var body = PaymentXdr.WriteTransaction(transaction);
        var payload = new byte[32 + 4 + body.Length];
        StellarNetwork.Id(networkPassphrase).CopyTo(payload, 0);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(32), PaymentXdr.EnvelopeTypeTx);
        body.CopyTo(payload, 36);
        return SHA256.HashData(payload);
    }

    public static string ComputeHex(PaymentTransaction transaction, string networkPassphrase) =>
        Convert.ToHexStringLower(Compute(transaction, networkPassphrase));
}
