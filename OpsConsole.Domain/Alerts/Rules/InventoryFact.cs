namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>The newest inventory snapshot of an account and asset.</summary>
public sealed record InventoryFact(string Account, string Asset, decimal Spendable, decimal PendingInbound, DateTimeOffset AsOf,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The alert scope key: account and asset, joined by '|', which neither may hold.</summary>
    public string ScopeKey => $"{Account}|{Asset}";
}
