using System.Globalization;
using OpsConsole.Domain.Audit;

namespace OpsConsole.Features.Audit;

/// <summary>Audit events as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.</summary>
public static class AuditCsv
{
    /// <summary>The hashes are included so that an export can be checked against the chain outside the console;
    /// for that, occurred_at is written exactly as the chain hashes it.</summary>
    public const string Header = "id,occurred_at,actor,action,subject_type,subject_id,details,prev_hash,hash";

    public static string Row(AuditEvent e) => string.Join(',',
        e.Id.ToString(CultureInfo.InvariantCulture),
        AuditChain.Timestamp(e.OccurredAt),
        Field(e.Actor), Field(e.Action), Field(e.SubjectType), Field(e.SubjectId),
        Field(AuditJson.Compact(e.Details)), e.PrevHash, e.Hash);

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
