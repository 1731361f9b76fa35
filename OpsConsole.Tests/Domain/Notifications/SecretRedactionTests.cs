using OpsConsole.Domain.Notifications;

namespace OpsConsole.Tests.Domain.Notifications;

[Trait("Category", "Domain")]
public class SecretRedactionTests
{
    const string Seed = "SDHH3YPYUGKNSJ47WATKEQPIWYUIIL3W3XWITYVIKYGU6PS2K4Y2O2G2";
    const string Account = "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K";

    [Theory]
    [InlineData(Seed, "[redacted]")]
    [InlineData("seed=" + Seed + ".", "seed=[redacted].")]
    [InlineData("key:" + Seed + "!", "key:[redacted]!")]
    [InlineData("Authorization: Bearer abcdef0123456789xyz", "Authorization: Bearer [redacted]")]
    [InlineData("password=hunter22 and more", "password=[redacted] and more")]
    [InlineData("client_secret: s3cr3t-value, next", "client_secret: [redacted], next")]
    [InlineData("api-key=AKIA1234567890", "api-key=[redacted]")]
    [InlineData("hook https://hooks.slack.com/services/T000/B000/XXXX end", "hook [redacted] end")]
    [InlineData("slack xoxb-123456789012-abcdefghij", "slack [redacted]")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig", "jwt [redacted]")]
    public void Secrets_are_masked(string input, string expected)
    {
        Assert.Equal(expected, SecretRedaction.Redact(input));
    }

    [Theory]
    [InlineData("Mint 125.5 OPS to " + Account)]
    [InlineData("Token bucket was fine; the password policy changed")]
    [InlineData("SHORTSEED")]
    [InlineData("")]
    public void Ordinary_text_and_account_ids_stay(string input)
    {
        Assert.Equal(input, SecretRedaction.Redact(input));
    }

    [Fact]
    public void Nothing_redacts_to_empty()
    {
        Assert.Equal("", SecretRedaction.Redact(null));
    }
}
