using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// Reads a Task Runner event field by field, naming each field at fault as the JSON spells it (<c>message.locale</c>,
/// <c>stepIds[2]</c>), so a sender learns every problem from one answer. Fields it does not know are ignored.
/// </summary>
public static class PackEventReader
{
    public static PackEventRead Read(JsonElement root, IngestLimits limits)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return new(null, [new("body", "The body must be one JSON object.")]);
        var f = new IngestFields(root, "", limits);
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is null || !PackEventTypes.All.Contains(type))
        {
            f.Fail("type", $"type must be one of {string.Join(", ", PackEventTypes.All)}.");
            return new(null, f.Errors);
        }
        var eventId = f.Text("eventId", IngestShapes.Id(), IngestShapes.IdRule);
        var tenant = f.Text("tenant", IngestShapes.Id(), IngestShapes.IdRule);
        var runId = f.Text("runId", IngestShapes.Id(), IngestShapes.IdRule);
        var occurredAt = f.Time("occurredAt");
        var correlationId = f.OptionalText("correlationId", 128);
        PackEvent read = type switch
        {
            PackEventTypes.ApprovalRequested => ReadRequested(f),
            PackEventTypes.ApprovalUpdated => ReadUpdated(f),
            _ => ReadHold(f),
        };
        if (f.Errors.Count > 0)
            return new(null, f.Errors);
        return new(read with { EventId = eventId, Tenant = tenant, RunId = runId, OccurredAt = occurredAt, CorrelationId = correlationId }, []);
    }

    static PackApprovalRequested ReadRequested(IngestFields f) => new()
    {
        EventId = "",
        Tenant = "",
        RunId = "",
        OccurredAt = default,
        ApprovalId = f.Text("approvalId", IngestShapes.Id(), IngestShapes.IdRule),
        PlanHash = f.Text("planHash", PackShapes.PlanHash(), PackShapes.PlanHashRule),
        RequiredGrants = f.Texts("requiredGrants", PackShapes.Grant(), PackShapes.GrantRule, PackShapes.MaxGrants),
        StepIds = f.Texts("stepIds", IngestShapes.Id(), IngestShapes.IdRule, PackShapes.MaxSteps),
        Message = ReadMessage(f),
        ResumeCallbackUrl = ReadCallback(f),
        ResumeToken = f.Text("resumeToken", PackShapes.MaxTokenLength),
    };

    static PackApprovalUpdated ReadUpdated(IngestFields f) => new()
    {
        EventId = "",
        Tenant = "",
        RunId = "",
        OccurredAt = default,
        ApprovalId = f.Text("approvalId", IngestShapes.Id(), IngestShapes.IdRule),
        Revision = f.Int("revision", 2),
        PlanHash = f.Text("planHash", PackShapes.PlanHash(), PackShapes.PlanHashRule),
        RequiredGrants = f.Texts("requiredGrants", PackShapes.Grant(), PackShapes.GrantRule, PackShapes.MaxGrants),
        StepIds = f.Texts("stepIds", IngestShapes.Id(), IngestShapes.IdRule, PackShapes.MaxSteps),
        Message = ReadMessage(f),
        ResumeCallbackUrl = ReadCallback(f),
        ResumeToken = f.OptionalText("resumeToken", PackShapes.MaxTokenLength),
    };

    static PackPolicyHold ReadHold(IngestFields f) => new()
    {
        EventId = "",
        Tenant = "",
        RunId = "",
        OccurredAt = default,
        Gate = f.Text("gate", IngestShapes.Id(), IngestShapes.IdRule),
        Parameters = f.TextMap("parameters", PackShapes.Key(), PackShapes.KeyRule, PackShapes.MaxValues, PackShapes.MaxValueLength),
        Messages = f.Lines("messages", PackShapes.MaxHoldMessages, PackShapes.MaxHoldMessageLength),
    };

    static PackMessage ReadMessage(IngestFields f)
    {
        if (f.Object("message") is not { } m)
            return new() { Template = "" };
        var template = m.Text("template", IngestShapes.Id(), IngestShapes.IdRule);
        var locale = m.OptionalText("locale", 20);
        if (locale is not null && !PackShapes.Locale().IsMatch(locale))
            m.Fail("locale", $"locale must be {PackShapes.LocaleRule}.");
        return new()
        {
            Template = template,
            Locale = locale,
            Values = m.TextMap("values", PackShapes.Key(), PackShapes.KeyRule, PackShapes.MaxValues, PackShapes.MaxValueLength),
        };
    }

    static string ReadCallback(IngestFields f)
    {
        var url = f.Text("resumeCallbackUrl", PackShapes.MaxUrlLength);
        if (url.Length > 0 && PackShapes.CallbackProblem(url) is { } problem)
            f.Fail("resumeCallbackUrl", $"resumeCallbackUrl {problem}.");
        return url;
    }
}
