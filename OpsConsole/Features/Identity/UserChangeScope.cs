using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>
/// One user change: a DI scope of its own (a fresh DbContext and UserManager, since a Blazor circuit outlives any one
/// change), one transaction under the directory lock, and the audit events that commit or roll back with the change.
/// </summary>
sealed class UserChangeScope : IAsyncDisposable
{
    // Any fixed number; it makes user changes take turns, so two Admins cannot each demote the other and leave none.
    const long DirectoryLock = 0x05e6_d1c7;

    readonly AsyncServiceScope scope;
    readonly IDbContextTransaction transaction;
    readonly AuditTrail audit;

    UserChangeScope(AsyncServiceScope scope, IDbContextTransaction transaction, AuditTrail audit, OpsDbContext db)
    {
        this.scope = scope;
        this.transaction = transaction;
        this.audit = audit;
        Db = db;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
    }

    public OpsDbContext Db { get; }
    public UserManager<OpsUser> Users { get; }

    public static async Task<UserChangeScope> BeginAsync(IServiceScopeFactory scopes, AuditTrail audit, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
            // A refused step rolls back the whole change, so the savepoints EF Core would add serve nothing.
            db.Database.AutoSavepointsEnabled = false;
            var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DirectoryLock})", ct);
            return new UserChangeScope(scope, transaction, audit, db);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public Task AuditAsync(string actor, string action, string email, JsonObject details, CancellationToken ct) =>
        audit.AppendAsync(Db, new AuditEntry(actor, action, "user", email, details), ct);

    public async Task<int> ActiveAdminCountAsync() => (await Users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled);

    public async Task<IReadOnlyList<UserChangeError>> CheckDepartmentsAsync(IReadOnlyCollection<string> departments, CancellationToken ct)
    {
        var known = await Db.Departments.Where(d => departments.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return departments.Except(known)
            .Select(d => new UserChangeError(UserInput.DepartmentsField, $"Department '{d}' does not exist."))
            .ToList();
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Without a commit the transaction rolls back, so a refused change leaves nothing behind.</summary>
    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await scope.DisposeAsync();
    }
}
