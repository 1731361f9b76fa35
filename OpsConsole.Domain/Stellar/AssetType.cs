namespace OpsConsole.Domain.Stellar;

/// <summary>The asset kinds of the subset, with their XDR discriminants.</summary>
public enum AssetType
{
    Native = 0,
    CreditAlphanum4 = 1,
    CreditAlphanum12 = 2,
}
