namespace OpsConsole.Domain.DeadLetters;

public enum DeadLetterStatus
{
    Unresolved,
    Retrying,
    Resolved,
    Discarded,
}
