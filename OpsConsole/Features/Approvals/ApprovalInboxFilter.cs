using System.Globalization;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>What the inbox shows and in which order; a null field does not filter. It travels in the page's query string
/// (<see cref="ToQuery"/>, <see cref="FromQuery"/>), so a link reproduces the view.</summary>
public sealed record ApprovalInboxFilter(
    ApprovalInboxScope Scope = ApprovalInboxScope.AwaitingMe,
    ApprovalStatus? Status = null,
    string? Department = null,
    int? Tier = null,
    string? Search = null,
    ApprovalInboxSort Sort = ApprovalInboxSort.NextDue,
    bool? Descending = null)
{
    public const string ScopeKey = "scope";
    public const string StatusKey = "status";
    public const string DepartmentKey = "department";
    public const string TierKey = "tier";
    public const string SearchKey = "q";
    public const string SortKey = "sort";
    public const string DirectionKey = "dir";

    /// <summary>The direction asked for, else the column's natural one: newest and highest tier first, the rest ascending.</summary>
    public bool SortsDescending => Descending ?? DescendsByDefault(Sort);

    public static bool DescendsByDefault(ApprovalInboxSort sort) => sort is ApprovalInboxSort.Created or ApprovalInboxSort.Tier;

    /// <summary>True when a filter beyond the scope narrows the list.</summary>
    public bool IsNarrowed => Status is not null || !string.IsNullOrWhiteSpace(Department) || Tier is not null || !string.IsNullOrWhiteSpace(Search);

    /// <summary>The query parameters of this view; defaults are null, so they drop out of the link.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(ApprovalInboxScope defaultScope) => new Dictionary<string, object?>
    {
        [ScopeKey] = Scope == defaultScope ? null : Scope.ToString(),
        [StatusKey] = Status?.ToString(),
        [DepartmentKey] = string.IsNullOrWhiteSpace(Department) ? null : Department.Trim(),
        [TierKey] = Tier?.ToString(CultureInfo.InvariantCulture),
        [SearchKey] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        [SortKey] = Sort == ApprovalInboxSort.NextDue ? null : Sort.ToString(),
        [DirectionKey] = Descending is not { } d || d == DescendsByDefault(Sort) ? null : d ? "desc" : "asc",
    };

    /// <summary>Reads a view from query values; a value it does not understand is ignored rather than refused.</summary>
    public static ApprovalInboxFilter FromQuery(ApprovalInboxScope defaultScope, string? scope, string? status, string? department,
        string? tier, string? search, string? sort, string? direction) => new(
        Enum.TryParse<ApprovalInboxScope>(scope, ignoreCase: true, out var sc) && Enum.IsDefined(sc) ? sc : defaultScope,
        Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var st) && Enum.IsDefined(st) ? st : null,
        string.IsNullOrWhiteSpace(department) ? null : department.Trim(),
        int.TryParse(tier, CultureInfo.InvariantCulture, out var t) && t is >= ApprovalRequest.MinTier and <= ApprovalRequest.MaxTier ? t : null,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Enum.TryParse<ApprovalInboxSort>(sort, ignoreCase: true, out var so) && Enum.IsDefined(so) ? so : ApprovalInboxSort.NextDue,
        direction?.ToLowerInvariant() switch { "desc" => true, "asc" => false, _ => null });
}
