using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The settings under <c>PackApprovals</c>: the department a Task Runner approval goes to when no routing rule
/// names one, how long records are kept, the console's public address for links, and how far the applying of accepted
/// events may fall behind while a burst of them is being accepted.</summary>
public sealed class PackApprovalOptions : ICheckedSettings
{
    public const string Section = "PackApprovals";

    public string Department { get; private set; } = "operations";
    public TimeSpan RetainFor { get; private set; } = TimeSpan.FromDays(90);
    public string BaseUrl { get; private set; } = "";

    /// <summary>Accepted events a second on this instance above which the applying takes one batch per
    /// <see cref="PackEventProcessing.YieldPause"/> and leaves the rest of the machine to the accepting.</summary>
    public int YieldToAcceptingAbove { get; private set; } = 1000;

    /// <summary>How old the first waiting event may grow while the applying yields; past it, the applying takes its full
    /// share again.</summary>
    public TimeSpan MaxApplyingLag { get; private set; } = TimeSpan.FromMinutes(2);

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        Department = config[$"{Section}:{nameof(Department)}"] is { Length: > 0 } d ? d.Trim() : Department;
        RetainFor = CheckedSettings.PositiveTime(config, $"{Section}:{nameof(RetainFor)}", RetainFor, Problems);
        YieldToAcceptingAbove = CheckedSettings.PositiveWhole(config, $"{Section}:{nameof(YieldToAcceptingAbove)}", YieldToAcceptingAbove, Problems);
        MaxApplyingLag = CheckedSettings.PositiveTime(config, $"{Section}:{nameof(MaxApplyingLag)}", MaxApplyingLag, Problems);
        BaseUrl = config[$"{Section}:{nameof(BaseUrl)}"] is { Length: > 0 } own ? own : config["Approvals:BaseUrl"] ?? "";
        if (BaseUrl.Length > 0 && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            Problems.Add($"{Section}:{nameof(BaseUrl)} (or Approvals:BaseUrl) must be an absolute URL such as https://ops.example.com");
    }

    /// <summary>The console page of a request.</summary>
    public string LinkTo(Guid requestId) => $"{BaseUrl.TrimEnd('/')}/approvals/{requestId}";

    /// <summary>The alerts page, where a policy hold's alert stands.</summary>
    public string AlertsLink => $"{BaseUrl.TrimEnd('/')}/alerts";
}
