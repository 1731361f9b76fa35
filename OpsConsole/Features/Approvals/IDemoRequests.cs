namespace OpsConsole.Features.Approvals;

/// <summary>Requests another feature adds to the approvals demo: stored with the others, once, in the same way.</summary>
public interface IDemoRequests
{
    IReadOnlyList<DemoRequest> Requests { get; }
}
