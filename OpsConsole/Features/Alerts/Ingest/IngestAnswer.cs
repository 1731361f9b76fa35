namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>
/// The answer to an accepted ingest request: how many records were stored now and how many had been stored before, and
/// each record's fate in the order sent (<c>stored</c> or <c>duplicate</c>). 202 when anything was stored, 200 when every
/// record was a repeat; either way the sender may forget the records.
/// </summary>
public sealed record IngestAnswer(int Stored, int Duplicates, IReadOnlyList<IngestRecordAnswer> Records)
{
    public static IngestAnswer From(IReadOnlyList<bool> stored) => new(
        stored.Count(s => s), stored.Count(s => !s),
        [.. stored.Select((s, i) => new IngestRecordAnswer(i, s ? "stored" : "duplicate"))]);
}

/// <summary>One record of an ingest request: its index in the batch (0 for a single object) and whether it was stored now.</summary>
public sealed record IngestRecordAnswer(int Index, string Status);
