using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsConsole.Features.Audit;

/// <summary>Event details as people read them: quotes and non-ASCII letters as themselves, not \u escapes.</summary>
public static class AuditJson
{
    // Safe here: the page HTML-encodes what it shows and CSV quotes what it writes.
    static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonSerializerOptions IndentedOptions = new(CompactOptions) { WriteIndented = true };

    public static string Compact(JsonObject details) => details.ToJsonString(CompactOptions);

    public static string Indented(JsonObject details) => details.ToJsonString(IndentedOptions);
}
