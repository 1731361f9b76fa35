using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

/// <summary>A pending request's stage is the last SLA step that fired; a decided one has none.</summary>
[Trait("Category", "Domain")]
public class SlaStagesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_step_that_fired_decides_the_stage()
    {
        var request = Requests.Pending(created: Now);
        Assert.Equal(SlaStage.New, SlaStages.Of(request));

        request.RemindedAt = Now;
        Assert.Equal(SlaStage.Reminded, SlaStages.Of(request));

        request.EscalatedAt = Now;
        Assert.Equal(SlaStage.Escalated, SlaStages.Of(request));

        request.EscalatedFinalAt = Now;
        Assert.Equal(SlaStage.EscalatedFinal, SlaStages.Of(request));
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved)]
    [InlineData(ApprovalStatus.Expired)]
    [InlineData(ApprovalStatus.Cancelled)]
    public void A_request_that_is_no_longer_pending_has_no_stage(ApprovalStatus status)
    {
        var request = Requests.Pending(created: Now);
        request.Status = status;

        Assert.Null(SlaStages.Of(request));
    }
}
