using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// Writes the rows a change's attempt modified with one <c>UPDATE … FROM unnest(…)</c> per entity type, each row checked
/// against the concurrency token it was read with, instead of one UPDATE per row. It takes over only when every tracked
/// change is a modification of a plainly mapped entity; inserts, deletes and anything else are left to SaveChanges,
/// which knows how to order them.
/// </summary>
static class TrackedUpdates
{
    // Provider types Npgsql writes as arrays by inference; jsonb and xid columns get their array type named.
    static readonly HashSet<Type> Writable =
    [
        typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(decimal), typeof(double),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(uint),
    ];

    /// <summary>Saves what the context tracks: modified rows in sets when it can, the rest with SaveChanges.</summary>
    public static async Task SaveAsync(OpsDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        if (changed.Count > 0 && changed.All(e => e.State == EntityState.Modified && IsPlain(e)))
            foreach (var rows in changed.GroupBy(e => e.Metadata))
                await UpdateAsync(db, rows.Key, [.. rows], ct);
        // Changes were detected once, above, and nothing has changed since; a batch's rows are not compared twice.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    static async Task UpdateAsync(OpsDbContext db, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
        var set = rows.SelectMany(r => r.Properties.Where(p => p.IsModified).Select(p => p.Metadata)).Distinct()
            .Where(p => !p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate)).ToList();
        if (set.Count == 0)
            return;

        List<(IProperty Property, bool Original)> columns = [(key, false), .. tokens.Select(t => (t, true)), .. set.Select(p => (p, false))];
        var parameters = columns.Select((c, i) => Parameter($"p{i}", c.Property, rows, c.Original)).ToArray();
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var sql = $"""
            UPDATE {Quote(table.Name)} AS t SET {string.Join(", ", set.Select(p => $"{Column(p)} = v.c{columns.IndexOf((p, false))}"))}
            FROM unnest({string.Join(", ", parameters.Select(p => "@" + p.ParameterName))})
                AS v({string.Join(", ", columns.Select((_, i) => $"c{i}"))})
            WHERE t.{Column(key)} = v.c0 {string.Concat(tokens.Select((t, i) => $"AND t.{Column(t)} IS NOT DISTINCT FROM v.c{i + 1} "))}
            """;
        var updated = await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        // EF Core's words for the same conflict, so a dead letter reads (and fingerprints) alike whichever writer met it.
        if (updated != rows.Count)
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect {rows.Count} row(s), but actually affected {updated} row(s); data may have been modified or deleted since entities were loaded.");
        // Saved: the context lets go of them, so SaveChanges finds nothing more to write (and has fewer rows to compare).
        foreach (var row in rows)
            row.State = EntityState.Detached;
    }

    static NpgsqlParameter Parameter(string name, IProperty property, List<EntityEntry> rows, bool original)
    {
        var converter = property.GetTypeMapping().Converter;
        var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
        var element = provider.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(provider) : provider;
        var values = Array.CreateInstance(element, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = original ? rows[i].Property(property).OriginalValue : rows[i].Property(property).CurrentValue;
            values.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), i);
        }
        var parameter = new NpgsqlParameter(name, values);
        if (StoreTypeOf(property) is "jsonb" or "json" or "xid")
            parameter.DataTypeName = StoreTypeOf(property) + "[]";
        return parameter;
    }

    /// <summary>One table per type, one key column, no owned, complex or JSON-mapped parts, and values Npgsql writes as arrays.
    /// Judged once per entity type of a model: a batch asks it of every row it saves.</summary>
    static bool IsPlain(EntityEntry entry) => Plain.GetValue(entry.Metadata, type => new StrongBox<bool>(IsPlain(type))).Value;

    static readonly ConditionalWeakTable<IEntityType, StrongBox<bool>> Plain = [];

    static bool IsPlain(IEntityType type)
    {
        if (type.GetTableName() is null || type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
            || type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.IsMappedToJson()
            || type.FindPrimaryKey() is not { Properties.Count: 1 } || type.GetTableMappings().Count() != 1
            || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1)
            return false;
        return type.GetProperties().All(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? p.ClrType) ?? converter?.ProviderClrType ?? p.ClrType;
            return Writable.Contains(provider) && (StoreTypeOf(p) is not ("jsonb" or "json") || provider == typeof(string))
                && (provider != typeof(uint) || StoreTypeOf(p) == "xid");
        });
    }

    static string StoreTypeOf(IProperty property) => property.GetRelationalTypeMapping().StoreType;

    static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
