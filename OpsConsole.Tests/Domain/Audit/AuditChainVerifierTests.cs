using OpsConsole.Domain.Audit;

namespace OpsConsole.Tests.Domain.Audit;

[Trait("Category", "Domain")]
public class AuditChainVerifierTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    // A chain built the way the trail builds it: each event hashed over the hash before it.
    static List<AuditEvent> Chain(int length)
    {
        var events = new List<AuditEvent>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var e = new AuditEvent
            {
                Id = i,
                OccurredAt = Start.AddMinutes(i),
                Actor = "admin@demo.local",
                Action = "user.created",
                SubjectType = "user",
                SubjectId = $"u{i}",
                Details = new() { ["n"] = i },
                PrevHash = prev,
                Hash = "",
            };
            e.Hash = AuditChain.ComputeHash(prev, e);
            prev = e.Hash;
            events.Add(e);
        }
        return events;
    }

    [Fact]
    public void Intact_chain_verifies_with_its_count()
    {
        var verdict = AuditChainVerifier.Verify(Chain(5));
        Assert.True(verdict.IsIntact);
        Assert.Equal(5, verdict.Verified);
        Assert.Equal(5, verdict.LastEventId);
    }

    [Fact]
    public void Empty_chain_verifies_with_nothing_counted()
    {
        var verdict = AuditChainVerifier.Verify([]);
        Assert.True(verdict.IsIntact);
        Assert.Equal(0, verdict.Verified);
        Assert.Null(verdict.Break);
    }

    [Fact]
    public void Altered_event_is_named_as_altered_content()
    {
        var chain = Chain(5);
        chain[2].Actor = "mallory";

        var verdict = AuditChainVerifier.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(2, verdict.Verified);
        Assert.Equal(3, verdict.Break!.EventId);
        Assert.Equal(AuditChainFault.AlteredContent, verdict.Break.Fault);
        Assert.Contains("altered", verdict.Break.Reason);
    }

    [Fact]
    public void Removed_event_breaks_the_link_of_the_one_after_it()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var verdict = AuditChainVerifier.Verify(chain);

        Assert.Equal(4, verdict.Break!.EventId);
        Assert.Equal(AuditChainFault.BrokenLink, verdict.Break.Fault);
        Assert.Equal("prev_hash does not match the hash of event #2", verdict.Break.Reason);
    }

    [Fact]
    public void Rehashed_forgery_is_caught_by_the_next_link()
    {
        var chain = Chain(4);
        chain[1].Actor = "mallory";
        chain[1].Hash = AuditChain.ComputeHash(chain[1].PrevHash, chain[1]);

        var verdict = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, verdict.Break!.EventId);
        Assert.Equal(AuditChainFault.BrokenLink, verdict.Break.Fault);
    }

    [Fact]
    public void First_event_must_start_from_genesis()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        var verdict = AuditChainVerifier.Verify(chain);

        Assert.Equal(2, verdict.Break!.EventId);
        Assert.Equal("prev_hash of the first event is not the genesis hash", verdict.Break.Reason);
    }

    [Fact]
    public void Verifying_in_batches_gives_the_same_verdict_as_all_at_once()
    {
        var chain = Chain(7);
        chain[5].SubjectId = "changed";

        var whole = AuditChainVerifier.Verify(chain);
        var batched = chain.Chunk(3).Aggregate(AuditChainVerdict.Start, AuditChainVerifier.Continue);

        Assert.Equal(whole, batched);
        Assert.Equal(6, batched.Break!.EventId);
    }

    [Fact]
    public void Events_out_of_id_order_are_refused_rather_than_judged()
    {
        var chain = Chain(2);
        chain.Add(chain[0]);
        Assert.Throws<ArgumentException>(() => AuditChainVerifier.Verify(chain));
    }
}
