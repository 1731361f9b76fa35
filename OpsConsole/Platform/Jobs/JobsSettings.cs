using OpsConsole.Platform.Startup;

namespace OpsConsole.Platform.Jobs;

/// <summary>
/// Jobs:Enabled (default true). False makes an instance that serves pages, the API and live updates but runs no
/// background work: its scheduler does not start (so it never takes a firing) and its wake-up timers do nothing. For
/// an instance kept for displays or web traffic; at least one instance on the database must run the jobs.
/// </summary>
public sealed class JobsSettings : ICheckedSettings
{
    public const string EnabledSetting = "Jobs:Enabled";

    public bool Enabled { get; private set; } = true;

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        if (config[EnabledSetting] is not { Length: > 0 } text)
            return;
        if (bool.TryParse(text, out var enabled))
            Enabled = enabled;
        else
            Problems.Add($"{EnabledSetting} must be true or false, not '{text}'");
    }
}
