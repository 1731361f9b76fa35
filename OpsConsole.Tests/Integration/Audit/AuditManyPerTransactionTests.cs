using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

/// <summary>Transactions that append many events (an SLA batch) take the chain lock once and draw ids ahead; the chain
/// must stay one unbroken line in id order, also with such transactions racing and some rolled back.</summary>
[Trait("Category", "Integration")]
public class AuditManyPerTransactionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly ServiceProvider services = AuditServices.Build(fixture, TimeProvider.System);

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Racing_transactions_of_many_events_leave_one_unbroken_chain_in_id_order()
    {
        const int writers = 3, transactions = 6, each = 9;
        var trail = services.GetRequiredService<AuditTrail>();
        using var go = new Barrier(writers);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            go.SignalAndWait();
            for (var t = 0; t < transactions; t++)
            {
                await using var db = fixture.CreateContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                for (var i = 0; i < each; i++)
                {
                    await trail.AppendAsync(db, new AuditEntry($"writer{w}@x", "test.appended", "writer", $"{w}", new() { ["i"] = i }));
                    // Saving halfway keeps the chain going from the saved event, not from the database's last committed one.
                    if (i == each / 2)
                        await db.SaveChangesAsync();
                }
                await db.SaveChangesAsync();
                // Every third transaction is rolled back: its ids are lost, its events never join the chain.
                if (t % 3 == 2)
                    await tx.RollbackAsync();
                else
                    await tx.CommitAsync();
            }
        })));

        var verdict = await services.GetRequiredService<AuditVerification>().VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Break?.Reason);
        Assert.Equal(writers * (transactions - transactions / 3) * each, verdict.Verified);
        await using var read = fixture.CreateContext();
        var chain = await read.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.PrevHash, e.Hash }).ToListAsync();
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PrevHash));
    }
}
