using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Identity.SignIn;

/// <summary>RateLimits:SignIn:PerAddress and RateLimits:SignIn:PerAccount, in sign-in attempts a minute.</summary>
public sealed class SignInLimitSettings : ICheckedSettings
{
    public const string PerAddressSetting = "RateLimits:SignIn:PerAddress";
    public const string PerAccountSetting = "RateLimits:SignIn:PerAccount";

    /// <summary>Attempts a minute from one client address, whatever the accounts.</summary>
    public int PerAddress { get; private set; } = 30;

    /// <summary>Attempts a minute on one account from one client address.</summary>
    public int PerAccount { get; private set; } = 10;

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        PerAddress = CheckedSettings.PositiveWhole(config, PerAddressSetting, PerAddress, Problems);
        PerAccount = CheckedSettings.PositiveWhole(config, PerAccountSetting, PerAccount, Problems);
    }
}
