namespace OpsConsole.Domain.Stellar;

/// <summary>The memo kinds of the subset, with their XDR discriminants (MEMO_RETURN is outside it).</summary>
public enum MemoType
{
    None = 0,
    Text = 1,
    Id = 2,
    Hash = 3,
}
