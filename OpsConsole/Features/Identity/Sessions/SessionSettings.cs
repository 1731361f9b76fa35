using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>Auth:IdleTimeout and Auth:AbsoluteLifetime: how long a sign-in lasts.</summary>
public sealed class SessionSettings : ICheckedSettings
{
    public const string IdleSetting = "Auth:IdleTimeout";
    public const string AbsoluteSetting = "Auth:AbsoluteLifetime";

    public SessionLimits Limits { get; private set; } = SessionLimits.Default;
    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        Limits = new SessionLimits(
            CheckedSettings.PositiveTime(config, IdleSetting, SessionLimits.Default.Idle, Problems),
            CheckedSettings.PositiveTime(config, AbsoluteSetting, SessionLimits.Default.Absolute, Problems));
        if (Problems.Count == 0 && Limits.Problem(IdleSetting, AbsoluteSetting) is { } problem)
            Problems.Add(problem);
    }
}
