namespace OpsConsole.Features.DeadLetters;

/// <summary>One page of the read API's list: the records, the 1-based page, its size and the total matched.</summary>
public sealed record DeadLetterListView(IReadOnlyList<DeadLetterView> Items, int Page, int PageSize, int Total);
