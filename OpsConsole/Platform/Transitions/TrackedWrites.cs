using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// Writes the rows a change's attempt added and modified in sets instead of one statement per row: one
/// <c>INSERT … SELECT FROM unnest(…)</c> per entity type, principals before their dependents, each row's new version read
/// back, after one <c>UPDATE … FROM unnest(…)</c> per entity type, each row checked against the concurrency token it was
/// read with. It takes over only when every tracked change is an insert or a modification of a plainly mapped entity,
/// the inserted values are all known before the insert and no modified row may point at an added one; deletes and
/// anything else are left to SaveChanges.
/// </summary>
static class TrackedWrites
{
    // Provider types Npgsql writes as arrays by inference; jsonb and xid columns get their array type named.
    static readonly HashSet<Type> Writable =
    [
        typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(decimal), typeof(double),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(uint),
    ];

    /// <summary>Saves what the context tracks: added and modified rows in sets when it can, the rest with SaveChanges.</summary>
    public static async Task SaveAsync(OpsDbContext db, CancellationToken ct)
    {
        // Entries() compares every tracked row with its snapshot once; nothing changes a value after it, so neither the set
        // writes nor SaveChanges compare a batch's rows again.
        var changed = db.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (changed.Count > 0 && changed.All(e => e.State is EntityState.Modified or EntityState.Added && IsPlain(e))
                && InsertOrder(changed) is { } inserts)
            {
                // Updates first, so that a unique value an update gives up is free for an insert; no update points at an added row.
                foreach (var rows in changed.Where(e => e.State == EntityState.Modified).GroupBy(e => e.Metadata))
                    await UpdateAsync(db, rows.Key, [.. rows], ct);
                foreach (var rows in inserts)
                    await InsertAsync(db, rows[0].Metadata, rows, ct);
            }
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
            UPDATE {Quote(table.Name)} AS t SET {string.Join(", ", set.Select(p => $"{Column(p)} = {Value(p, $"v.c{columns.IndexOf((p, false))}")}"))}
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

    /// <summary>The added rows by entity type, each type after the types its foreign keys point to; null when a set insert
    /// cannot write them (a value the database generates on insert, other than the version, foreign keys in a cycle, or a
    /// modified type that may point at an added one).</summary>
    static List<List<EntityEntry>>? InsertOrder(List<EntityEntry> changed)
    {
        var added = changed.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var modified = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Metadata).Distinct();
        if (added.Keys.Any(type => !IsInsertable(type))
            || added.Values.Any(rows => rows.Any(r => r.Properties.Any(p => p.IsTemporary)))
            || modified.Any(type => type.GetForeignKeys().Any(fk => added.ContainsKey(fk.PrincipalEntityType))))
            return null;
        List<List<EntityEntry>> order = [];
        var placed = new HashSet<IEntityType>();
        while (placed.Count < added.Count)
        {
            var ready = added.Keys.Where(t => !placed.Contains(t)
                && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !added.ContainsKey(fk.PrincipalEntityType)))
                .ToList();
            if (ready.Count == 0)
                return null;
            foreach (var type in ready)
            {
                placed.Add(type);
                order.Add(added[type]);
            }
        }
        return order;
    }

    static async Task InsertAsync(OpsDbContext db, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        var version = type.GetProperties().SingleOrDefault(IsVersion);
        var columns = type.GetProperties().Where(p => p != version).ToList();
        var parameters = columns.Select((p, i) => (object)Parameter($"p{i}", p, rows, false)).ToArray();
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var sql = $"""
            INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(Column))})
            SELECT {string.Join(", ", columns.Select((p, i) => Value(p, $"v.c{i}")))}
            FROM unnest({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) AS v({string.Join(", ", columns.Select((_, i) => $"c{i}"))})
            """;
        try
        {
            if (version is null)
                await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
            else
            {
                // Callers may go on with what they created, so each row learns the version PostgreSQL gave it.
                var returning = $"{sql} RETURNING {Column(key)}::text AS \"Key\", {Column(version)}::text::bigint AS \"Version\"";
                var inserted = await db.Database.SqlQueryRaw<InsertedRow>(returning, parameters)
                    .ToDictionaryAsync(r => r.Key, r => r.Version, ct);
                var converter = key.GetTypeMapping().Converter;
                foreach (var row in rows)
                {
                    var value = row.Property(key).CurrentValue!;
                    var text = Convert.ToString(converter is null ? value : converter.ConvertToProvider(value), CultureInfo.InvariantCulture)!;
                    row.Property(version).CurrentValue = (uint)inserted[text];
                }
            }
        }
        catch (PostgresException ex)
        {
            // EF Core's wrapping of the same failure, so that a caller and a dead letter see it alike whichever writer met it.
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex);
        }
        // Saved: the rows stay tracked, as SaveChanges leaves them, with nothing more to write.
        foreach (var row in rows)
            row.State = EntityState.Unchanged;
    }

    // EF Core reads a query's unmapped uint as bigint, so the xid travels as one.
    sealed record InsertedRow(string Key, long Version);

    /// <summary>Every column's value is the row's own, but for the version PostgreSQL gives it; a key the database would
    /// generate shows as a temporary value on the row and is checked there.</summary>
    static bool IsInsertable(IEntityType type) => Insertable.GetValue(type, t => new StrongBox<bool>(
        t.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never || p.IsPrimaryKey() || IsVersion(p)))).Value;

    static readonly ConditionalWeakTable<IEntityType, StrongBox<bool>> Insertable = [];

    static bool IsVersion(IProperty property) => property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate
        && StoreTypeOf(property) == "xid";

    /// <summary>The column's value from a row of the unnested arrays: a text array travels as its JSON, since an array of
    /// arrays would unnest into single elements.</summary>
    static string Value(IProperty property, string unnested) => IsTextArray(property)
        ? $"CASE WHEN {unnested} IS NULL THEN NULL ELSE ARRAY(SELECT a.e FROM jsonb_array_elements_text({unnested}::jsonb) WITH ORDINALITY AS a(e, n) ORDER BY a.n) END"
        : unnested;

    static bool IsTextArray(IProperty property) => property.GetTypeMapping().Converter is null
        && property.ClrType != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(property.ClrType)
        && StoreTypeOf(property).EndsWith("[]", StringComparison.Ordinal);

    static NpgsqlParameter Parameter(string name, IProperty property, List<EntityEntry> rows, bool original)
    {
        if (IsTextArray(property))
            return new NpgsqlParameter(name, rows.Select(r => (original ? r.Property(property).OriginalValue : r.Property(property).CurrentValue)
                is IEnumerable<string> texts ? JsonSerializer.Serialize(texts) : null).ToArray());
        var converter = property.GetTypeMapping().Converter;
        var provider = ProviderType(property);
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

    /// <summary>One table per type, one key column, no owned, complex or JSON-mapped parts, and values Npgsql writes as arrays
    /// (text arrays go as JSON). Judged once per entity type of a model: a batch asks it of every row it saves.</summary>
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
            if (IsTextArray(p))
                return true;
            var provider = ProviderType(p);
            return Writable.Contains(provider) && (StoreTypeOf(p) is not ("jsonb" or "json") || provider == typeof(string))
                && (provider != typeof(uint) || StoreTypeOf(p) == "xid");
        });
    }

    /// <summary>The type the column's values reach Npgsql as, after any converter, without Nullable.</summary>
    static Type ProviderType(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    static string StoreTypeOf(IProperty property) => property.GetRelationalTypeMapping().StoreType;

    static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
