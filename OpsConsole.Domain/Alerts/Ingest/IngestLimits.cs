namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>What an ingested record is checked against: the server's time and how far ahead of it a record's time may be.</summary>
public sealed record IngestLimits(DateTimeOffset Now, TimeSpan MaxAhead)
{
    /// <summary>The most records one request may carry.</summary>
    public const int MaxRecords = 1000;

    /// <summary>Decimal places kept for prices and amounts (EURe has 18).</summary>
    public const int MaxDecimals = 18;
}
