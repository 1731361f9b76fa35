using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>Posting Task Runner events to an app whose clock the test holds: its processing is run by the test, as the
/// wake-up of a running console would run it a moment later.</summary>
public static class PackEventPosting
{
    public const string Path = "/notifications/pack-approvals";

    /// <summary>Posts the event and lets the app apply what it accepted before answering the test.</summary>
    public static async Task<HttpResponseMessage> PostEventAsync(this AlertsApp app, string body, string key = MachineClientOptions.DemoKeyId,
        string secret = MachineClientOptions.DemoSecret)
    {
        var response = await app.PostAsync(Path, body, key, secret);
        await app.EventsAppliedAsync();
        return response;
    }

    /// <summary>Applies every accepted event whose turn has come, waiting out a run the app began itself.</summary>
    public static async Task EventsAppliedAsync(this AlertsApp app)
    {
        var processing = app.Host.Services.GetRequiredService<PackEventProcessing>();
        await Eventually.TrueAsync(async () =>
        {
            await processing.RunAsync(CancellationToken.None);
            return await processing.EarliestAsync(null, CancellationToken.None) is null;
        }, "every accepted pack event applied");
    }
}
