using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.SystemStatus;

namespace OpsConsole.Tests.Components.Overview;

sealed class FakeDeadLetterTrend : IDeadLetterTrend
{
    public IReadOnlyList<DeadLetterDay> Days { get; set; } = [];

    public Task<IReadOnlyList<DeadLetterDay>> OpenedPerDayAsync(int days, CancellationToken ct = default) => Task.FromResult(Days);
}

sealed class FakeJobList : IJobList
{
    public IReadOnlyList<JobView> Jobs { get; set; } = [];

    public Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct = default) => Task.FromResult(Jobs);
}

sealed class FakeChannelHealth : IChannelHealth
{
    public IReadOnlyList<ChannelHealthView> Channels { get; set; } = [];

    public Task<IReadOnlyList<ChannelHealthView>> ReadAsync(CancellationToken ct = default) => Task.FromResult(Channels);
}
