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
    public void Canonical_form_and_hash_stay_what_every_stored_event_was_hashed_from()
    {
        // Made by the first implementation (a JsonObject written with ToJsonString); stored hashes depend on every byte.
        var e = Event(new JsonObject
        {
            ["z"] = "Grüße <b>&'\"\\\n\t+é€😀",
            ["a"] = new JsonObject { ["y"] = true, ["x"] = null, ["n"] = 1.5, ["m"] = -12, ["big"] = 12345678901234L, ["d"] = 0.1m },
            ["arr"] = new JsonArray(1, "two", new JsonObject { ["k2"] = 2, ["k1"] = 1 }, null, false),
            ["when"] = new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero),
            ["parsed"] = JsonNode.Parse("{\"q\":[1.0,2e3,\"\\u00e9\"],\"p\":\"\\u003c\"}"),
        });

        Assert.Equal("""
            {"id":7,"occurredAt":"2026-03-28T23:30:00.012345Z","actor":"admin@demo.local","action":"user.created","subjectType":"user","subjectId":"viewer@demo.local","details":{"a":{"big":12345678901234,"d":0.1,"m":-12,"n":1.5,"x":null,"y":true},"arr":[1,"two",{"k1":1,"k2":2},null,false],"parsed":{"p":"\u003C","q":[1.0,2e3,"\u00E9"]},"when":"2026-12-06T01:02:03\u002B00:00","z":"Gr\u00FC\u00DFe \u003Cb\u003E\u0026\u0027\u0022\\\n\t\u002B\u00E9\u20AC\uD83D\uDE00"}}
            """, AuditChain.CanonicalForm(e));
        Assert.Equal("6c4d52e8e430b539926b58b27fa5e47851549eeb2ad5b41f5803a55c127f6092", AuditChain.ComputeHash(AuditChain.Genesis, e));
    }

    [Fact]
    public void Stored_precision_drops_sub_microsecond_ticks()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        Assert.Equal(t.AddTicks(-7), AuditChain.ToStoredPrecision(t));
    }
}
