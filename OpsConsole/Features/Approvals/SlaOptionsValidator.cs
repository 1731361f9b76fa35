using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>Stops start-up on an unusable SLA setting, naming it.</summary>
sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var problems = new List<string>(options.Problems);
        if (options.DueJobInterval <= TimeSpan.Zero)
            problems.Add($"{SlaOptions.Section}:DueJobInterval must be a positive time span");
        if (options.SweepInterval <= TimeSpan.Zero)
            problems.Add($"{SlaOptions.Section}:SweepInterval must be a positive time span");
        if (options.BatchSize is < 1 or > 10_000)
            problems.Add($"{SlaOptions.Section}:BatchSize must be a whole number from 1 to 10000");
        foreach (var (kind, policy) in options.Policies)
        {
            problems.AddRange(policy.Problems(kind.ToString()));
            if (policy.Clock == SlaClock.BusinessHours && options.Calendar is null)
                problems.Add($"{SlaOptions.Section}:Policies:{kind}:Clock is BusinessHours but {SlaOptions.Section}:BusinessCalendar is not usable");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
