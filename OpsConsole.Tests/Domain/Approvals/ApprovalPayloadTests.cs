using System.Text.Json;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class ApprovalPayloadTests
{
    [Fact]
    public void A_payload_round_trips_through_json_with_its_kind()
    {
        ApprovalPayload payload = Requests.Mint;
        var json = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
        Assert.Contains("\"$kind\":\"Mint\"", json);
        Assert.Contains("\"assetCode\":\"OPS\"", json);
        var back = JsonSerializer.Deserialize<ApprovalPayload>(json, JsonSerializerOptions.Web);
        Assert.Equal(Requests.Mint, back);
        Assert.Equal(ApprovalKind.Mint, back!.Kind);
    }
}
