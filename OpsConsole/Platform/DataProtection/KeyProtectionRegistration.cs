using Microsoft.AspNetCore.DataProtection;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.DataProtection;

/// <summary>Data Protection with its key ring in the database, each key encrypted with the certificate kept outside it.</summary>
public static class KeyProtectionRegistration
{
    public const string ApplicationName = "OpsConsole";

    public static IServiceCollection AddOpsDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var options = KeyProtectionOptions.From(config);
        var certificate = KeyProtectionCertificate.LoadOrCreate(options.ResolvedPath, options.CertificatePassword);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<OpsDbContext>()
            .ProtectKeysWithCertificate(certificate)
            // Reading needs the certificate named too: on Linux there is no certificate store to look it up in.
            .UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }
}
