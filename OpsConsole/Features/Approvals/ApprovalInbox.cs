using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>Reads the approvals inbox: one page of requests in a view, filtered, sorted and counted by PostgreSQL.</summary>
public sealed class ApprovalInbox(IDbContextFactory<OpsDbContext> dbs)
{
    public const int MaxPageSize = 200;

    public async Task<ApprovalInboxRows> ListAsync(ApprovalActor viewer, ApprovalInboxFilter filter, int page, int pageSize,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        pageSize = Math.Min(pageSize, MaxPageSize);
        await using var db = await dbs.CreateDbContextAsync(ct);
        IQueryable<ApprovalRequest> rows = db.ApprovalRequests.AsNoTracking();
        if (filter.Scope == ApprovalInboxScope.AwaitingMe)
        {
            if (ApprovalAwaitingFilter.For(viewer) is not { } awaiting)
                return ApprovalInboxRows.Empty;
            rows = rows.Where(awaiting);
        }
        rows = Narrow(rows, filter);
        var total = await rows.CountAsync(ct);
        if (total == 0 || page * pageSize >= total)
            return new ApprovalInboxRows([], total);
        var items = await Order(rows, filter).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new ApprovalInboxRows(items, total);
    }

    /// <summary>The departments to filter by, in name order.</summary>
    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
    }

    static IQueryable<ApprovalRequest> Narrow(IQueryable<ApprovalRequest> rows, ApprovalInboxFilter filter)
    {
        if (filter.Status is { } status)
            rows = rows.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            var department = filter.Department.Trim();
            rows = rows.Where(r => r.Department == department);
        }
        if (filter.Tier is { } tier)
            rows = rows.Where(r => r.Tier == tier);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + EscapeLike(filter.Search.Trim()) + "%";
            rows = rows.Where(r => EF.Functions.ILike(r.Title, pattern, Escape) || EF.Functions.ILike(r.RequestedBy, pattern, Escape));
        }
        return rows;
    }

    // Ties fall back to the newest first and then the id, so equal keys keep one order and pages never overlap.
    static IQueryable<ApprovalRequest> Order(IQueryable<ApprovalRequest> rows, ApprovalInboxFilter filter)
    {
        var desc = filter.SortsDescending;
        // Only decided requests in view: none has a next step, so the newest come first.
        if (filter.Sort == ApprovalInboxSort.NextDue && filter.Status is { } status && status != ApprovalStatus.Pending)
            return rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        if (filter.Sort == ApprovalInboxSort.Created)
            return Then(First(rows, r => r.CreatedAt, desc), r => r.Id, desc);
        var ordered = filter.Sort switch
        {
            // Ascending, PostgreSQL puts the decided (no next step) last by itself, as the index is ordered.
            ApprovalInboxSort.NextDue when !desc => rows.OrderBy(r => r.NextDueAt),
            ApprovalInboxSort.NextDue => rows.OrderBy(r => r.NextDueAt == null).ThenByDescending(r => r.NextDueAt),
            ApprovalInboxSort.Title => First(rows, r => r.Title, desc),
            ApprovalInboxSort.Tier => First(rows, r => r.Tier, desc).ThenBy(r => r.NextDueAt),
            ApprovalInboxSort.Status => First(rows, r => r.Status, desc),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Sort, "Unknown sort."),
        };
        return ordered.ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id);
    }

    static IOrderedQueryable<ApprovalRequest> First<TKey>(IQueryable<ApprovalRequest> rows,
        Expression<Func<ApprovalRequest, TKey>> key, bool descending) => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    static IOrderedQueryable<ApprovalRequest> Then<TKey>(IOrderedQueryable<ApprovalRequest> rows,
        Expression<Func<ApprovalRequest, TKey>> key, bool descending) => descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    // LIKE treats % and _ as wildcards and \ as their escape; a search for "50%" means the text itself.
    const string Escape = @"\";

    static string EscapeLike(string text) => text.Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_");
}
