using Microsoft.Extensions.Options;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.DataProtection;

namespace OpsConsole.Platform;

/// <summary>Turns the failures an operator can fix (a bad setting, a missing package) into one readable line.</summary>
static class StartupFailure
{
    public static string? Describe(Exception ex) => ex switch
    {
        EmbeddedPostgresException e => e.Message,
        DatabaseMigrationException e => e.Message,
        KeyProtectionException e => e.Message,
        OptionsValidationException e => string.Join("; ", e.Failures),
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerException!),
        _ => null,
    };
}
