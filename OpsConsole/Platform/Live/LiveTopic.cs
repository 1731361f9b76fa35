namespace OpsConsole.Platform.Live;

/// <summary>A feature's registration of one live topic and who may follow it.</summary>
public sealed record LiveTopic(string Name, LiveAudience Audience);
