namespace OpsConsole.Platform.Outbox;

/// <summary>Where a delivery stands; Failed means its attempts ran out and a dead letter holds it.</summary>
public enum OutboxStatus
{
    Pending,
    Delivered,
    Failed,
}
