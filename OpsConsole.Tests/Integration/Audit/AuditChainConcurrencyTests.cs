using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditChainConcurrencyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly ServiceProvider services = AuditServices.Build(fixture, TimeProvider.System);

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Parallel_appenders_leave_one_unbroken_chain_with_contiguous_ids()
    {
        const int writers = 4, each = 25;
        var trail = services.GetRequiredService<AuditTrail>();
        using var go = new Barrier(writers);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var db = fixture.CreateContext();
            go.SignalAndWait();
            for (var i = 0; i < each; i++)
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                await trail.AppendAsync(db, new AuditEntry($"writer{w}@x", "test.appended", "writer", $"{w}", new() { ["i"] = i }));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
        })));

        var verdict = await services.GetRequiredService<AuditVerification>().VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Break?.Reason);
        Assert.Equal(writers * each, verdict.Verified);

        // Follow the chain by its hashes alone: it must visit every event, in consecutive ids.
        await using var read = fixture.CreateContext();
        var byPrevHash = await read.AuditEvents.ToDictionaryAsync(e => e.PrevHash);
        var walked = new List<long>();
        for (var hash = AuditChain.Genesis; byPrevHash.TryGetValue(hash, out var next); hash = next.Hash)
            walked.Add(next.Id);
        Assert.Equal(writers * each, walked.Count);
        Assert.Equal(Enumerable.Range(0, walked.Count).Select(i => walked[0] + i), walked);
    }
}
