using OpsConsole.Features.Identity;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Alerts;

/// <summary>The settings under <c>Alerts</c>: the evaluator's interval, each rule's window, who is told of Critical
/// alerts and how often again, and how far ahead of the server an ingested record's time may be.</summary>
public sealed class AlertSettings : ICheckedSettings
{
    public const string Section = "Alerts";

    public TimeSpan EvaluateInterval { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan PriceStaleAfter { get; private set; } = TimeSpan.FromMinutes(5);
    public TimeSpan InventoryStaleAfter { get; private set; } = TimeSpan.FromMinutes(15);
    public TimeSpan LiquidityStuckAfter { get; private set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ApprovalsExpiredWindow { get; private set; } = TimeSpan.FromDays(1);
    public TimeSpan DeadLettersUnresolvedAfter { get; private set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a transfer may wait in the mempool for its first confirmation (blocks come every ten minutes or so).</summary>
    public TimeSpan FundingUnconfirmedAfter { get; private set; } = TimeSpan.FromHours(1);
    /// <summary>How long a confirmed transfer may wait for the bridge's credit.</summary>
    public TimeSpan CreditPendingAfter { get; private set; } = TimeSpan.FromHours(2);
    /// <summary>How long a confirming transfer may go without a new confirmation before it counts as stuck.</summary>
    public TimeSpan FundingStuckAfter { get; private set; } = TimeSpan.FromHours(6);
    /// <summary>How long a raised Critical alert that nobody acknowledged waits before it is sent again.</summary>
    public TimeSpan RenotifyAfter { get; private set; } = TimeSpan.FromHours(1);
    public TimeSpan IngestMaxAhead { get; private set; } = TimeSpan.FromMinutes(5);
    /// <summary>The roles whose active holders get Critical alerts by email and in the bell.</summary>
    public IReadOnlyList<string> NotifyRoles { get; private set; } = [Roles.Admin, Roles.Operator];
    /// <summary>The console's public address for links in notifications; empty gives links relative to the console.</summary>
    public string BaseUrl { get; private set; } = "";

    public JobSchedule EvaluateSchedule => JobSchedule.Every(EvaluateInterval);

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        TimeSpan Time(string name, TimeSpan fallback) => CheckedSettings.PositiveTime(config, $"{Section}:{name}", fallback, Problems);
        EvaluateInterval = Time(nameof(EvaluateInterval), EvaluateInterval);
        PriceStaleAfter = Time(nameof(PriceStaleAfter), PriceStaleAfter);
        InventoryStaleAfter = Time(nameof(InventoryStaleAfter), InventoryStaleAfter);
        LiquidityStuckAfter = Time(nameof(LiquidityStuckAfter), LiquidityStuckAfter);
        ApprovalsExpiredWindow = Time(nameof(ApprovalsExpiredWindow), ApprovalsExpiredWindow);
        DeadLettersUnresolvedAfter = Time(nameof(DeadLettersUnresolvedAfter), DeadLettersUnresolvedAfter);
        FundingUnconfirmedAfter = Time(nameof(FundingUnconfirmedAfter), FundingUnconfirmedAfter);
        CreditPendingAfter = Time(nameof(CreditPendingAfter), CreditPendingAfter);
        FundingStuckAfter = Time(nameof(FundingStuckAfter), FundingStuckAfter);
        RenotifyAfter = Time(nameof(RenotifyAfter), RenotifyAfter);
        IngestMaxAhead = Time(nameof(IngestMaxAhead), IngestMaxAhead);

        if (config.GetSection($"{Section}:{nameof(NotifyRoles)}").Exists())
            NotifyRoles = CheckedSettings.List(config, $"{Section}:{nameof(NotifyRoles)}");
        foreach (var role in NotifyRoles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)))
            Problems.Add($"{Section}:{nameof(NotifyRoles)} names an unknown role '{role}'; roles are {string.Join(", ", Roles.All)}");

        // The approvals' public address serves alerts too, unless alerts have their own.
        BaseUrl = config[$"{Section}:{nameof(BaseUrl)}"] is { Length: > 0 } own ? own : config["Approvals:BaseUrl"] ?? "";
        if (BaseUrl.Length > 0 && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            Problems.Add($"{Section}:{nameof(BaseUrl)} must be an absolute URL (e.g. https://ops.example.com) or empty, not '{BaseUrl}'");
    }
}
