namespace OpsConsole.Domain.DeadLetters;

/// <summary>Where failed work came from; stored in <see cref="DeadLetter.Source"/> and used to find who can retry it.</summary>
public static class DeadLetterSources
{
    public const string Ui = "ui";
    public const string Api = "api";
    public const string Sweeper = "sweeper";
    public const string Dispatcher = "dispatcher";
    public const string Manual = "manual";
}
