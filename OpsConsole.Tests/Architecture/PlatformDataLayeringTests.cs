namespace OpsConsole.Tests.Architecture;

/// <summary>
/// Platform's data layer serves every feature and so names none: each feature maps and reaches its own tables from its
/// own folder. A `using OpsConsole.Features…` under Platform/Data would make the shared context depend on one of them.
/// </summary>
[Trait("Category", "Domain")]
public class PlatformDataLayeringTests
{
    [Fact]
    public void No_file_under_Platform_Data_uses_a_feature_namespace()
    {
        var offences = SourceTree.Files(Path.Combine("Platform", "Data"))
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Code: line.Trim())))
            .Where(l => l.Code.Contains("using OpsConsole.Features", StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Line}: {l.Code}")
            .ToList();

        Assert.Empty(offences);
    }
}
