using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpsConsole.Platform.DataProtection;

/// <summary>The certificate that encrypts Data Protection keys at rest: read from its PFX file, or made and saved there on first start.</summary>
public static class KeyProtectionCertificate
{
    public const string Subject = "CN=OpsConsole Data Protection";
    const int KeySize = 3072;
    const int ValidYears = 100;

    public static X509Certificate2 LoadOrCreate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            try
            {
                // When two instances start together one file wins; both then read that one, so they share a certificate.
                PrivateFile.CreateIfAbsent(path, Create(password));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new KeyProtectionException(
                    $"{KeyProtectionOptions.PathSetting}: cannot create the certificate file {path} ({OneLine(ex)}); point the setting at a writable location.", ex);
            }
        }
        return Load(path, password);
    }

    public static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new KeyProtectionException($"{KeyProtectionOptions.PathSetting}: {path} is not a PKCS#12 file that "
                + $"{KeyProtectionOptions.PasswordSetting} opens (wrong or missing password?): {OneLine(ex)}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyProtectionException($"{KeyProtectionOptions.PathSetting}: cannot read {path} ({OneLine(ex)}).", ex);
        }
        if (certificate.HasPrivateKey && certificate.GetRSAPublicKey() is not null)
            return certificate;
        certificate.Dispose();
        throw new KeyProtectionException($"{KeyProtectionOptions.PathSetting}: {path} must hold an RSA certificate with its private key.");
    }

    /// <summary>A self-signed RSA certificate for key encipherment, as a PFX file's bytes.</summary>
    public static byte[] Create(string? password)
    {
        using var rsa = RSA.Create(KeySize);
        var request = new CertificateRequest(Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        // Expiry is not checked when keys are encrypted or read, but a long life keeps tools that do look from complaining.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(ValidYears));
        return certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
    }

    static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim();
}
