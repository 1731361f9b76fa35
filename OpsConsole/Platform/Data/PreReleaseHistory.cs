using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using OpsConsole.Platform.Data.Migrations;

namespace OpsConsole.Platform.Data;

/// <summary>
/// The migrations made before the first release, squashed into <see cref="Baseline"/>. A database that has all of them
/// already has the baseline's schema, so its history rows are swapped for the baseline's and Migrate applies nothing.
/// </summary>
static class PreReleaseHistory
{
    public static readonly IReadOnlyList<string> MigrationIds =
    [
        "20261125023545_Foundation",
        "20261125031242_ApprovalRequestTenant",
        "20261125031640_NotificationOutboxSubjectIndex",
        "20261125031746_DeadLetterOccurrencesAndRetryClaims",
        "20261125032216_SlaPolicyOverridesAndUserPreferences",
        "20261125035542_ApprovalInboxIndexes",
        "20261125042752_SlaDeferrals",
    ];

    public static string BaselineId { get; } = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>
    /// Replaces the pre-release rows with the baseline's in one transaction; throws InvalidOperationException for a
    /// database that has only some of them, whose schema is neither the baseline's nor anything Migrate can finish.
    /// </summary>
    public static async Task ReplaceWithBaselineAsync(OpsDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        // A first look without a lock: a new or an up-to-date database, every start but one, has nothing to replace.
        if (RowsToReplace(await history.GetAppliedMigrationsAsync(ct)) is [])
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Instances starting together take turns here; the second finds the baseline's row and leaves it.
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(HistoryRepository.DefaultTableName);
        var lockHistory = "LOCK TABLE " + table + " IN EXCLUSIVE MODE";
        await db.Database.ExecuteSqlRawAsync(lockHistory, ct);
        var old = RowsToReplace(await history.GetAppliedMigrationsAsync(ct));
        if (old is [])
            return;
        foreach (var id in old)
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(BaselineId, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
    }

    static List<string> RowsToReplace(IEnumerable<HistoryRow> applied)
    {
        var ids = applied.Select(r => r.MigrationId).ToHashSet();
        var old = MigrationIds.Where(ids.Contains).ToList();
        if (old.Count == 0 || ids.Contains(BaselineId))
            return [];
        if (!ids.Contains(MigrationIds[^1]))
            throw new InvalidOperationException(
                $"it has {old.Count} of the {MigrationIds.Count} pre-release migrations, and the baseline replaces them only when all are applied");
        return old;
    }
}
