using System.Text.Json.Nodes;
using OpsConsole.Domain.Audit;

namespace OpsConsole.Tests.Domain.Audit;

[Trait("Category", "Domain")]
public class AuditChainTests
{
    static AuditEvent Event(JsonObject details) => new()
    {
        Id = 7,
        OccurredAt = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(2)).AddTicks(12_345_6),
        Actor = "admin@demo.local",
        Action = "user.created",
        SubjectType = "user",
        SubjectId = "viewer@demo.local",
        Details = details,
        PrevHash = AuditChain.Genesis,
        Hash = "",
    };

    [Fact]
    public void Canonical_form_does_not_depend_on_detail_key_order()
    {
        var a = Event(new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["y"] = true, ["x"] = "z" } });
        var b = Event(new JsonObject { ["a"] = new JsonObject { ["x"] = "z", ["y"] = true }, ["b"] = 1 });
        Assert.Equal(AuditChain.CanonicalForm(a), AuditChain.CanonicalForm(b));
        Assert.Equal(AuditChain.ComputeHash(AuditChain.Genesis, a), AuditChain.ComputeHash(AuditChain.Genesis, b));
    }

    [Fact]
    public void Canonical_form_uses_utc_microseconds()
    {
        var form = AuditChain.CanonicalForm(Event([]));
        Assert.Contains("\"occurredAt\":\"2026-03-28T23:30:00.012345Z\"", form);
    }

    [Fact]
    public void Hash_changes_with_any_field_or_the_previous_hash()
    {
        var e = Event([]);
        var original = AuditChain.ComputeHash(AuditChain.Genesis, e);
        Assert.Matches("^[0-9a-f]{64}$", original);
        Assert.NotEqual(original, AuditChain.ComputeHash(new string('1', 64), e));
        e.Actor = "someone@else";
        Assert.NotEqual(original, AuditChain.ComputeHash(AuditChain.Genesis, e));
    }

    [Fact]
    public void Stored_precision_drops_sub_microsecond_ticks()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        Assert.Equal(t.AddTicks(-7), AuditChain.ToStoredPrecision(t));
    }
}
