using System.Globalization;
using OpsConsole.Domain.Audit;

namespace OpsConsole.Features.Audit;

/// <summary>
/// Audit events as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes
/// doubled. A text field that a spreadsheet would run as a formula (one starting with = + - @, a tab or a carriage
/// return) is written with a leading apostrophe, and so is one that already starts with an apostrophe; removing one
/// leading apostrophe (<see cref="Restore"/>) gives back exactly what the chain hashed.
/// </summary>
public static class AuditCsv
{
    /// <summary>The hashes are included so that an export can be checked against the chain outside the console;
    /// for that, occurred_at is written exactly as the chain hashes it.</summary>
    public const string Header = "id,occurred_at,actor,action,subject_type,subject_id,details,prev_hash,hash";

    const char Escape = '\'';
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', Escape];

    public static string Row(AuditEvent e) => string.Join(',',
        e.Id.ToString(CultureInfo.InvariantCulture),
        AuditChain.Timestamp(e.OccurredAt),
        Field(e.Actor), Field(e.Action), Field(e.SubjectType), Field(e.SubjectId),
        Field(AuditJson.Compact(e.Details)), e.PrevHash, e.Hash);

    public static string Field(string value) => Quoted(Neutralized(value));

    /// <summary>The value as stored, from a field as a CSV reader hands it over.</summary>
    public static string Restore(string field) => field.Length > 0 && field[0] == Escape ? field[1..] : field;

    static string Neutralized(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]) ? Escape + value : value;

    static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
