using System.Text.Json;
using System.Text.Json.Nodes;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Tests.Domain.PackApprovals;

[Trait("Category", "Domain")]
public class PackEventReaderTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly IngestLimits Limits = new(Now, TimeSpan.FromMinutes(5));
    const string Plan = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static JsonObject Requested() => new()
    {
        ["type"] = "PackApprovalRequested",
        ["eventId"] = "evt-1",
        ["tenant"] = "demo",
        ["runId"] = "run-42",
        ["occurredAt"] = "2026-11-02T08:59:00Z",
        ["approvalId"] = "deploy-prod",
        ["planHash"] = "sha256:" + Plan.ToUpperInvariant(),
        ["requiredGrants"] = new JsonArray("deploy:production", "secrets:read"),
        ["stepIds"] = new JsonArray("s1", "s2"),
        ["message"] = new JsonObject { ["template"] = "pack.approval.requested", ["locale"] = "de-AT", ["values"] = new JsonObject { ["pack"] = "payments" } },
        ["resumeCallbackUrl"] = "https://runner.example/runs/run-42/resume",
        ["resumeToken"] = "tok-secret",
    };

    static PackEventRead Read(JsonNode json)
    {
        using var doc = JsonDocument.Parse(json.ToJsonString());
        return PackEventReader.Read(doc.RootElement, Limits);
    }

    [Fact]
    public void A_request_reads_into_the_contract_model_with_every_field()
    {
        var read = Read(Requested());

        Assert.Empty(read.Errors);
        var e = Assert.IsType<PackApprovalRequested>(read.Event);
        Assert.Equal(("evt-1", "demo", "run-42", "deploy-prod"), (e.EventId, e.Tenant, e.RunId, e.ApprovalId));
        Assert.Equal(["deploy:production", "secrets:read"], e.RequiredGrants);
        Assert.Equal(["s1", "s2"], e.StepIds);
        Assert.Equal("de-AT", e.Message.Locale);
        Assert.Equal("payments", e.Message.Values["pack"]);
        Assert.Equal("tok-secret", e.ResumeToken);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 59, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void A_policy_hold_reads_its_gate_parameters_and_messages()
    {
        var read = Read(new JsonObject
        {
            ["type"] = "PackPolicyHold",
            ["eventId"] = "evt-9",
            ["tenant"] = "demo",
            ["runId"] = "run-42",
            ["occurredAt"] = "2026-11-02T08:59:00Z",
            ["gate"] = "change-freeze",
            ["parameters"] = new JsonObject { ["window"] = "2026-11-01/2026-11-03" },
            ["messages"] = new JsonArray("Freeze in force"),
        });

        Assert.Empty(read.Errors);
        var hold = Assert.IsType<PackPolicyHold>(read.Event);
        Assert.Equal("change-freeze", hold.Gate);
        Assert.Equal("2026-11-01/2026-11-03", hold.Parameters["window"]);
        Assert.Equal(["Freeze in force"], hold.Messages);
    }

    [Theory]
    [InlineData("type", null, "type must be one of")]
    [InlineData("type", "PackSomething", "type must be one of")]
    [InlineData("runId", null, "runId is required.")]
    [InlineData("tenant", "de mo", "tenant must be")]
    [InlineData("planHash", "abc", "64 hexadecimal digits")]
    [InlineData("occurredAt", "yesterday", "ISO 8601")]
    [InlineData("resumeCallbackUrl", "http://runner.example/resume", "must use https")]
    [InlineData("resumeCallbackUrl", "ftp://runner.example/resume", "absolute https URL")]
    [InlineData("resumeToken", "", "1 to 4096 characters")]
    public void Each_bad_field_is_named(string field, string? value, string message)
    {
        var json = Requested();
        json[field] = value;

        var read = Read(json);

        Assert.Null(read.Event);
        var error = Assert.Single(read.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Nested_and_listed_fields_are_named_by_their_path()
    {
        var json = Requested();
        json["stepIds"] = new JsonArray("s1", "s 2", "s1");
        json["message"]!["locale"] = "german!";
        json["message"]!["values"] = new JsonObject { ["9bad"] = "x" };

        var read = Read(json);

        Assert.Equal(["stepIds[1]", "stepIds[2]", "message.locale", "message.values.9bad"], read.Errors.Select(e => e.Field));
    }

    [Fact]
    public void An_update_needs_a_revision_above_one_and_may_keep_its_token()
    {
        var json = Requested();
        json["type"] = "PackApprovalUpdated";
        json.Remove("resumeToken");
        json["revision"] = 1;
        Assert.Equal("revision", Assert.Single(Read(json).Errors).Field);

        json["revision"] = 2;
        var update = Assert.IsType<PackApprovalUpdated>(Read(json).Event);
        Assert.Null(update.ResumeToken);
        Assert.Equal(2, update.Revision);
    }

    [Fact]
    public void Plain_http_is_accepted_for_a_loopback_callback_only()
    {
        var json = Requested();
        json["resumeCallbackUrl"] = "http://127.0.0.1:8080/resume";
        Assert.Empty(Read(json).Errors);
    }
}
