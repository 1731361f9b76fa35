using System.Text.RegularExpressions;

namespace OpsConsole.Tests.Architecture;

/// <summary>
/// Platform holds the mechanisms that features register into, so it names no feature; Approvals knows people only
/// through Identity's IPeopleDirectory, never through Identity's account types or tables; and the Domain stays pure.
/// </summary>
[Trait("Category", "Domain")]
public partial class LayeringTests
{
    [Fact]
    public void Platform_names_no_feature()
    {
        var features = SourceTree.Files("Features")
            .SelectMany(f => FeatureNamespace().Matches(f.Text).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("Identity", features);
        // Both "using OpsConsole.Features.X" and a name qualified from inside OpsConsole ("Features.X.Type") count.
        var naming = new Regex($@"\bOpsConsole\.Features\b|\bFeatures\.(?:{string.Join('|', features)})\b");

        // The generated migrations name entity types as strings in their model snapshots; that is data, not a reference.
        var offences = Lines(SourceTree.Files("Platform").Where(f => !Slashed(f.Path).Contains("/Platform/Data/Migrations/", StringComparison.Ordinal)))
            .Where(l => naming.IsMatch(l.Code))
            .Select(l => $"{l.Path}:{l.Line}: {l.Code}")
            .ToList();

        Assert.Empty(offences);
    }

    [Fact]
    public void Approvals_reads_people_only_through_the_people_directory()
    {
        var offences = Lines(SourceTree.Files(Path.Combine("Features", "Approvals")))
            .Where(l => IdentityStore().IsMatch(l.Code))
            .Select(l => $"{l.Path}:{l.Line}: {l.Code}")
            .ToList();

        Assert.Empty(offences);
    }

    [Fact]
    public void The_domain_references_only_the_base_library_and_its_codec_and_crypto_packages()
    {
        // OpsConsole.Contracts is the machine clients' wire models, itself dependent on nothing but the base library.
        string[] allowed = ["System.", "netstandard", "SimpleBase", "NSec.Cryptography", "NBitcoin", "Nethereum.Util", "OpsConsole.Contracts"];
        var references = typeof(OpsConsole.Domain.Stellar.StrKey).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("NSec.Cryptography", references);
        var others = references.Where(name => !allowed.Any(a => name == a || (a.EndsWith('.') && name.StartsWith(a, StringComparison.Ordinal)))).ToList();
        Assert.Equal([], others);
    }

    static IEnumerable<(string Path, int Line, string Code)> Lines(IEnumerable<(string Path, string Text)> files) =>
        files.SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Code: line.Trim())));

    static string Slashed(string path) => path.Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"^@?namespace\s+OpsConsole\.Features\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex FeatureNamespace();

    // Identity's account types, its user manager, and its sets on a context. A viewer's or an assignee's Roles are the
    // Approvals' own word, so only Roles read from a context (db, Db, context) counts.
    [GeneratedRegex(@"\b(?:OpsUser|UserManager|IdentityRole|IdentityUserRole|UserDepartment)\b|\.(?:Users|UserRoles|UserDepartments)\b|\b\w*(?:db|Db|context|Context)\.Roles\b")]
    private static partial Regex IdentityStore();
}
