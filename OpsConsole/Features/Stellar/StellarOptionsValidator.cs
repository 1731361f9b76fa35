using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Stellar;

/// <summary>Stops start-up with one line per bad Stellar setting. A real issuer's seed on the simulated network is
/// refused outside demo mode: a forgotten Stellar:Mode must not let the simulation confirm real mints.</summary>
sealed class StellarOptionsValidator(bool demo) : IValidateOptions<StellarOptions>
{
    public ValidateOptionsResult Validate(string? name, StellarOptions options)
    {
        var problems = options.Problems().ToList();
        if (options.Mode == StellarMode.Simulated && options.IssuerSeed.Length > 0 && !demo)
            problems.Add($"{StellarOptions.Section}:IssuerSeed is set while {StellarOptions.Section}:Mode is Simulated outside demo mode; set {StellarOptions.Section}:Mode to Rpc or Horizon");
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
