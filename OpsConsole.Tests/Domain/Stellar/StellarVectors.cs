using System.Globalization;
using System.Text.Json;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

/// <summary>The payments of Vectors/stellar-payments.json (built and signed with the official JS library) as the
/// Domain's own types.</summary>
static class StellarVectors
{
    public static JsonElement Root { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "stellar-payments.json"))).RootElement;

    public static IEnumerable<JsonElement> Payments => Root.GetProperty("payments").EnumerateArray();

    public static TheoryData<string> PaymentNames() => new(Payments.Select(p => p.GetProperty("name").GetString()!));

    public static JsonElement Payment(string name) => Payments.Single(p => p.GetProperty("name").GetString() == name);

    public static string Text(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    /// <summary>The transaction the vector describes, built from its fields alone (not from its XDR).</summary>
    public static PaymentTransaction Transaction(JsonElement v)
    {
        var bounds = v.GetProperty("timeBounds");
        var asset = v.GetProperty("asset") is { ValueKind: JsonValueKind.Object } credit
            ? StellarAsset.Credit(credit.Text("code"), credit.Text("issuer"))
            : StellarAsset.Native;
        var stroops = Stroops.FromDecimal(decimal.Parse(v.Text("amount"), CultureInfo.InvariantCulture));
        return new PaymentTransaction(
            v.Text("sourceAccount"),
            v.GetProperty("fee").GetUInt32(),
            long.Parse(v.Text("sequence"), CultureInfo.InvariantCulture),
            new TimeBounds(bounds.GetProperty("minTime").GetUInt64(), bounds.GetProperty("maxTime").GetUInt64()),
            Memo(v.GetProperty("memo")),
            new PaymentOperation(null, v.Text("destination"), asset, stroops));
    }

    static StellarMemo Memo(JsonElement memo) => memo.Text("type") switch
    {
        "none" => StellarMemo.None,
        "text" => StellarMemo.ForText(memo.Text("value")),
        "id" => StellarMemo.ForId(ulong.Parse(memo.Text("value"), CultureInfo.InvariantCulture)),
        "hash" => StellarMemo.ForHash(Convert.FromHexString(memo.Text("value"))),
        var other => throw new InvalidOperationException($"Unknown memo type {other} in the vectors."),
    };
}
