using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Stellar;

/// <summary>Stops start-up with one line per bad Stellar setting.</summary>
sealed class StellarOptionsValidator : IValidateOptions<StellarOptions>
{
    public ValidateOptionsResult Validate(string? name, StellarOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
