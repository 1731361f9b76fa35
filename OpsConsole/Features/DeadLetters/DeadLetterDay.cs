namespace OpsConsole.Features.DeadLetters;

/// <summary>The dead letters one source opened on one UTC day.</summary>
public sealed record DeadLetterDay(DateOnly Day, string Source, int Opened);
