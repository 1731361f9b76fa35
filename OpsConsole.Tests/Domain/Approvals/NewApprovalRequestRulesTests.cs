using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class NewApprovalRequestRulesTests
{
    static readonly NewApprovalRequest Valid = new(ApprovalKind.Mint, "Mint for partner", "treasury", "svc-taskrunner", Requests.Mint);

    static IEnumerable<string> Fields(NewApprovalRequest r) => NewApprovalRequestRules.Validate(r).Select(e => e.Field);

    [Fact]
    public void A_valid_request_has_no_errors()
    {
        Assert.Empty(NewApprovalRequestRules.Validate(Valid));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Title_department_and_requester_are_required(string? blank)
    {
        Assert.Equal(["title"], Fields(Valid with { Title = blank }));
        Assert.Equal(["department"], Fields(Valid with { Department = blank }));
        Assert.Equal(["requestedBy"], Fields(Valid with { RequestedBy = blank }));
    }

    [Fact]
    public void Overlong_fields_are_refused()
    {
        Assert.Equal(["title"], Fields(Valid with { Title = new string('t', 201) }));
        Assert.Equal(["department"], Fields(Valid with { Department = new string('d', 257) }));
        Assert.Equal(["requestedBy"], Fields(Valid with { RequestedBy = new string('r', 257) }));
        Assert.Empty(Fields(Valid with { Title = new string('t', 200) }));
    }

    [Fact]
    public void A_request_needs_a_payload_and_its_errors_are_named_under_payload()
    {
        Assert.Equal(["payload"], Fields(Valid with { Payload = null }));
        Assert.Equal(["title", "payload.amount"], Fields(Valid with { Title = "", Payload = Requests.Mint with { Amount = -1 } }));
    }
}
