using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.DataProtection;

/// <summary>DataProtection:CertificatePath and DataProtection:CertificatePassword: the PFX file that encrypts the cookie keys at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string FileName = "dataprotection.pfx";

    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }

    public static KeyProtectionOptions From(IConfiguration config) => new()
    {
        CertificatePath = config[PathSetting],
        // An empty environment variable means no password, not the empty one.
        CertificatePassword = string.IsNullOrEmpty(config[PasswordSetting]) ? null : config[PasswordSetting],
    };

    public bool PathIsSet => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The configured file, else one beside the embedded cluster's default folder: outside the database that holds the keys.</summary>
    public string ResolvedPath => PathIsSet
        ? Path.GetFullPath(CertificatePath!)
        : Path.Combine(Path.GetDirectoryName(EmbeddedPostgres.DefaultDataDirectory())!, FileName);
}
