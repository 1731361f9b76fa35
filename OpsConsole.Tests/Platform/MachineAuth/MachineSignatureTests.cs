using System.Text;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Platform.MachineAuth;

[Trait("Category", "Domain")]
public class MachineSignatureTests
{
    // Expected values made with: printf '<string to sign>' | openssl dgst -sha256 -hmac 'bridge-secret-0123456789'
    const string Secret = "bridge-secret-0123456789";

    [Fact]
    public void Post_with_body_and_query_matches_the_openssl_vector()
    {
        var body = Encoding.UTF8.GetBytes("""{"kind":"Mint","amount":"12.50"}""");

        Assert.Equal("e006cdde9e86beefa4064b718ac6678992240fb1be3dc5869310222cef34400c", MachineSignature.BodyHash(body));
        Assert.Equal("4645efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462daca0",
            MachineSignature.Compute(Secret, "POST", "/api/approval-requests?dryRun=true", 1764000000, body));
    }

    [Fact]
    public void Get_without_body_signs_the_hash_of_the_empty_body()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MachineSignature.BodyHash([]));
        Assert.Equal("967f42a28c296597ad5a841abe57a498635e4a1d034e2bb2e724c564437b35f0",
            MachineSignature.Compute(Secret, "get", "/api/machine/whoami", 1764000000, []));
    }

    [Fact]
    public void String_to_sign_joins_method_path_timestamp_and_body_hash_with_newlines()
    {
        Assert.Equal("GET\n/a?b=1\n1764000000\nabc", MachineSignature.StringToSign("get", "/a?b=1", "1764000000", "abc"));
    }

    [Theory]
    [InlineData("4645efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462daca0", true)]
    [InlineData("4645EFE07F0457927C49C3C64D643A2B1C3A6B5F4BBD90E2E84AA11A462DACA0", true)]
    [InlineData("4645efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462daca1", false)]
    [InlineData("4645efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462dac", false)]
    [InlineData("zz45efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462daca0", false)]
    public void Matches_accepts_only_the_same_signature(string received, bool expected)
    {
        Assert.Equal(expected, MachineSignature.Matches("4645efe07f0457927c49c3c64d643a2b1c3a6b5f4bbd90e2e84aa11a462daca0", received));
    }
}
