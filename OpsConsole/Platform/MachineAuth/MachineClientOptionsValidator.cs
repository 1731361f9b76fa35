using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>Checks every machine-client key at start; each message names the setting to fix.</summary>
sealed class MachineClientOptionsValidator(MachineScopeRegistry scopes) : IValidateOptions<MachineClientOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, MachineClientOptions options)
    {
        var failures = new List<string>();
        foreach (var (keyId, key) in options.Keys)
        {
            var setting = $"{MachineClientOptions.Section}:{keyId}";
            var isDemoKey = options.DemoEnabled && keyId == MachineClientOptions.DemoKeyId && key.Secret == MachineClientOptions.DemoSecret;
            if (string.IsNullOrWhiteSpace(key.Secret))
                failures.Add($"{setting}:Secret is required");
            else if (key.Secret.Length < MinSecretLength && !isDemoKey)
                failures.Add($"{setting}:Secret must be at least {MinSecretLength} characters");
            if (string.IsNullOrWhiteSpace(key.Tenant))
                failures.Add($"{setting}:Tenant is required");
            if (key.ScopesError is not null)
                failures.Add($"{setting}:Scopes {key.ScopesError}");
            if (key.AllowedAddressesError is not null)
                failures.Add($"{setting}:AllowedAddresses {key.AllowedAddressesError}");
            // A misspelt scope would only show as 403s later; name it now.
            foreach (var scope in key.Scopes.Where(s => !scopes.IsKnown(s)))
                failures.Add($"{setting}:Scopes names an unknown scope '{scope}'; known scopes are {string.Join(", ", scopes.All.Order(StringComparer.Ordinal))}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
