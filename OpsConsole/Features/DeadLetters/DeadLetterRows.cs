using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Features.DeadLetters;

/// <summary>One page of the list and the number of records the whole filter matches.</summary>
public sealed record DeadLetterRows(IReadOnlyList<DeadLetter> Items, int Total);
