namespace OpsConsole.Domain.Stellar;

/// <summary>A TransactionEnvelope of type ENVELOPE_TYPE_TX: the transaction and its decorated signatures (at most 20).</summary>
public sealed record PaymentEnvelope(PaymentTransaction Transaction, IReadOnlyList<DecoratedSignature> Signatures)
{
    public const int MaxSignatures = 20;

    public bool Equals(PaymentEnvelope? other) =>
        other is not null && Transaction == other.Transaction && Signatures.SequenceEqual(other.Signatures);

    public override int GetHashCode() => HashCode.Combine(Transaction, Signatures.Count);
}
