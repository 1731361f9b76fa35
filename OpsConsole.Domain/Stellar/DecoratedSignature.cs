namespace OpsConsole.Domain.Stellar;

/// <summary>A signature with its hint, the last 4 bytes of the signer's public key.</summary>
public sealed record DecoratedSignature
{
    public const int MaxSignatureBytes = 64;
    readonly byte[] hint;
    readonly byte[] signature;

    public DecoratedSignature(ReadOnlySpan<byte> hint, ReadOnlySpan<byte> signature)
    {
        if (hint.Length != 4)
            throw new ArgumentException($"A signature hint is 4 bytes, not {hint.Length}.", nameof(hint));
        if (signature.Length > MaxSignatureBytes)
            throw new ArgumentException($"A signature is at most {MaxSignatureBytes} bytes, not {signature.Length}.", nameof(signature));
        (this.hint, this.signature) = (hint.ToArray(), signature.ToArray());
    }

    public ReadOnlySpan<byte> Hint => hint;
    public ReadOnlySpan<byte> Signature => signature;

    public bool Equals(DecoratedSignature? other) =>
        other is not null && Hint.SequenceEqual(other.Hint) && Signature.SequenceEqual(other.Signature);

    public override int GetHashCode() => BitConverter.ToInt32(hint);
}
