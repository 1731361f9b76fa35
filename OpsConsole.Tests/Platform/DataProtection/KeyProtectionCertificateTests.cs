using System.Security.Cryptography.X509Certificates;
using OpsConsole.Platform.DataProtection;

namespace OpsConsole.Tests.Platform.DataProtection;

/// <summary>The key-protection certificate file: made once, private to its owner, never overwritten, read back the same.</summary>
[Trait("Category", "Integration")]
public sealed class KeyProtectionCertificateTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), $"opsconsole-keytest-{Guid.NewGuid():N}");

    string PathIn(string folder) => Path.Combine(root, folder, KeyProtectionOptions.FileName);

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void First_start_makes_a_private_file_that_loads_again_to_the_same_certificate()
    {
        var path = PathIn("new-folder");

        using var made = KeyProtectionCertificate.LoadOrCreate(path, null);
        using var again = KeyProtectionCertificate.LoadOrCreate(path, null);

        Assert.Equal(made.Thumbprint, again.Thumbprint);
        Assert.Equal(KeyProtectionCertificate.Subject, made.Subject);
        Assert.True(again.HasPrivateKey);
        Assert.Equal(3072, again.GetRSAPublicKey()!.KeySize);
        Assert.True(made.NotAfter > DateTime.UtcNow.AddYears(50));
        if (OperatingSystem.IsWindows())
            return; // file modes are a Unix matter
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_password_protects_the_file_and_a_wrong_one_is_one_line_naming_the_setting()
    {
        var path = PathIn("with-password");
        using var made = KeyProtectionCertificate.LoadOrCreate(path, "correct horse battery");

        using var loaded = KeyProtectionCertificate.Load(path, "correct horse battery");
        var wrong = Assert.Throws<KeyProtectionException>(() => KeyProtectionCertificate.Load(path, "wrong password"));

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
        Assert.StartsWith(KeyProtectionOptions.PathSetting + ":", wrong.Message);
        Assert.Contains(KeyProtectionOptions.PasswordSetting, wrong.Message);
        Assert.DoesNotContain("wrong password", wrong.Message);
        Assert.DoesNotContain('\n', wrong.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_certificate_is_refused_naming_the_setting()
    {
        var path = PathIn("garbage");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a certificate");

        var error = Assert.Throws<KeyProtectionException>(() => KeyProtectionCertificate.LoadOrCreate(path, null));

        Assert.StartsWith(KeyProtectionOptions.PathSetting + ":", error.Message);
        Assert.Equal("not a certificate", File.ReadAllText(path));
    }

    [Fact]
    public void A_path_that_cannot_be_created_is_refused_naming_the_setting()
    {
        var blocker = Path.Combine(root, "a-file");
        Directory.CreateDirectory(root);
        File.WriteAllText(blocker, "");

        var error = Assert.Throws<KeyProtectionException>(() =>
            KeyProtectionCertificate.LoadOrCreate(Path.Combine(blocker, KeyProtectionOptions.FileName), null));

        Assert.StartsWith(KeyProtectionOptions.PathSetting + ":", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Instances_starting_together_end_up_with_one_certificate()
    {
        var path = PathIn("race");
        using var start = new Barrier(4);

        // Own threads, so the barrier does not wait on a thread pool that grows slowly.
        var certificates = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return KeyProtectionCertificate.LoadOrCreate(path, null);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.Single(certificates.Select(c => c.Thumbprint).Distinct());
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        foreach (var certificate in certificates)
            certificate.Dispose();
    }

    [Fact]
    public void An_existing_file_is_used_and_never_replaced()
    {
        var path = PathIn("existing");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = KeyProtectionCertificate.Create(null);
        File.WriteAllBytes(path, bytes);
        using var expected = X509CertificateLoader.LoadPkcs12(bytes, null);

        using var loaded = KeyProtectionCertificate.LoadOrCreate(path, null);

        Assert.Equal(expected.Thumbprint, loaded.Thumbprint);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}
