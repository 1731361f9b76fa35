using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Tests.Domain.DeadLetters;

[Trait("Category", "Domain")]
public class DeadLetterFingerprintTests
{
    const string Operation = "approval.approve";
    const string Conflict = "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException";
    const string AccountA = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7";
    const string AccountB = "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H";
    const string SeedA = "SCZANGBA5YHTNYVVV4C3U252E2B6P6F5T3U6MM63WBSBZATAQI3EBTQ4";

    static string Fp(string message, string operation = Operation, string? type = Conflict) =>
        DeadLetterFingerprint.Compute(operation, type, message);

    [Fact]
    public void Fingerprint_is_sixteen_lowercase_hex_characters()
    {
        Assert.Matches("^[0-9a-f]{16}$", Fp("anything"));
    }

    [Fact]
    public void Fingerprint_is_stable_so_stored_groups_keep_matching_new_failures()
    {
        // Changing this value regroups every stored dead letter; change it only on purpose.
        Assert.Equal("c8b3284055184ba1", Fp("Request 42 changed"));
    }

    [Fact]
    public void Same_failure_on_different_aggregates_shares_a_fingerprint()
    {
        Assert.Equal(
            Fp($"Request {Guid.NewGuid()} was changed by another writer"),
            Fp($"Request {Guid.NewGuid()} was changed by another writer"));
    }

    [Theory]
    [InlineData("Request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed", "Request <guid> failed")]
    [InlineData("Request 3F2504E0-4F89-11D3-9A0C-0305E82C3301 failed", "Request <guid> failed")]
    [InlineData("Request {3f2504e0-4f89-11d3-9a0c-0305e82c3301} failed", "Request <guid> failed")]
    [InlineData("Request 3f2504e04f8911d39a0c0305e82c3301 failed", "Request <guid> failed")]
    public void Guids_in_any_common_format_are_masked(string message, string masked)
    {
        Assert.Equal(masked, DeadLetterFingerprint.Mask(message));
    }

    [Theory]
    [InlineData("tx 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 rejected", "tx <hex> rejected")]
    [InlineData("block 00000000000000000002a7c4c1e48d76c5a37902165a270156b7a8d72728a054 not found", "block <hex> not found")]
    [InlineData("commit deadbeef missing", "commit <hex> missing")]
    [InlineData("hash 0xA1B2C3D4E5 bad", "hash <hex> bad")]
    public void Hex_hashes_of_eight_or_more_characters_are_masked(string message, string masked)
    {
        Assert.Equal(masked, DeadLetterFingerprint.Mask(message));
    }

    [Fact]
    public void Short_hex_looking_words_are_kept()
    {
        Assert.Equal("the cafe faced a decade", DeadLetterFingerprint.Mask("the cafe faced a decade"));
    }

    [Fact]
    public void Stellar_account_ids_and_seeds_are_masked()
    {
        Assert.Equal("op_underfunded: <key> paying <key>", DeadLetterFingerprint.Mask($"op_underfunded: {AccountA} paying {AccountB}"));
        Assert.Equal("seed <key> rejected", DeadLetterFingerprint.Mask($"seed {SeedA} rejected"));
        Assert.Equal(Fp($"destination {AccountA} missing"), Fp($"destination {AccountB} missing"));
    }

    [Theory]
    [InlineData("amount 12.50 exceeds 10000", "amount <n> exceeds <n>")]
    [InlineData("amount 123456789 exceeds 1,000,000", "amount <n> exceeds <n>")]
    [InlineData("balance -5 below 0", "balance <n> below <n>")]
    [InlineData("request req-17 of 3", "request req-<n> of <n>")]
    public void Numbers_are_masked(string message, string masked)
    {
        Assert.Equal(masked, DeadLetterFingerprint.Mask(message));
    }

    [Fact]
    public void Long_and_short_amounts_group_together()
    {
        Assert.Equal(Fp("amount 12345678 exceeds the limit"), Fp("amount 5 exceeds the limit"));
    }

    [Fact]
    public void Digits_inside_names_are_kept()
    {
        Assert.Equal("sha256 over http2 failed in v1.2", DeadLetterFingerprint.Mask("sha256 over http2 failed in v1.2"));
    }

    [Theory]
    [InlineData("user 'ops@example.org' not found", "user <value> not found")]
    [InlineData("relation \"approval_requests_2026\" does not exist", "relation <value> does not exist")]
    [InlineData("key `abc` unknown", "key <value> unknown")]
    [InlineData("can't find 'x'; won't retry", "can't find <value>; won't retry")]
    public void Quoted_values_are_masked_but_apostrophes_are_not_quotes(string message, string masked)
    {
        Assert.Equal(masked, DeadLetterFingerprint.Mask(message));
    }

    [Fact]
    public void A_quoted_guid_is_one_value()
    {
        Assert.Equal("id <value> unknown", DeadLetterFingerprint.Mask($"id '{Guid.NewGuid()}' unknown"));
    }

    [Theory]
    [InlineData("expired at 2026-11-01T09:00:00Z", "expired at <time>")]
    [InlineData("expired at 2026-11-01T09:00:00.1234567+02:00", "expired at <time>")]
    [InlineData("expired at 2026-11-01 09:00:00", "expired at <time>")]
    [InlineData("due 2026-11-01", "due <time>")]
    public void Timestamps_are_masked_whole(string message, string masked)
    {
        Assert.Equal(masked, DeadLetterFingerprint.Mask(message));
    }

    [Fact]
    public void Whitespace_differences_do_not_split_a_group()
    {
        Assert.Equal(Fp("timeout  after\n30 s "), Fp("timeout after 5 s"));
    }

    [Fact]
    public void A_different_operation_is_a_different_group()
    {
        Assert.NotEqual(Fp("conflict", operation: "approval.approve"), Fp("conflict", operation: "approval.reject"));
    }

    [Fact]
    public void A_different_exception_type_is_a_different_group()
    {
        Assert.NotEqual(Fp("conflict", type: Conflict), Fp("conflict", type: "System.TimeoutException"));
        Assert.NotEqual(Fp("conflict", type: Conflict), Fp("conflict", type: null));
    }

    [Fact]
    public void A_different_message_is_a_different_group()
    {
        Assert.NotEqual(Fp("destination account missing"), Fp("issuer account missing"));
    }
}
