using System.Text.RegularExpressions;

namespace OpsConsole.Tests.Architecture;

/// <summary>People read moments only as UtcText writes them; each machine format that is a contract has one home.</summary>
[Trait("Category", "Domain")]
public partial class OneTimeFormatTests
{
    // The files allowed to spell out a date format, each for one reason.
    static readonly Dictionary<string, string> Homes = new()
    {
        ["OpsConsole/Components/Shared/UtcText.cs"] = "moments as pages and messages show them",
        ["OpsConsole/Features/Audit/AuditFilter.cs"] = "the export's query-string ISO time",
        ["OpsConsole/Features/Audit/AuditExportEndpoint.cs"] = "the export's file-name stamp",
        ["OpsConsole/Features/Audit/Pages/AuditFilterBar.razor"] = "the value of the browser's date-time field",
        ["OpsConsole/Features/Approvals/SlaOptions.cs"] = "holiday dates as the settings write them",
        ["OpsConsole/Features/Approvals/SlaTimers.cs"] = "the round-trip time that names a failed batch",
        ["OpsConsole/Features/Stellar/Simulation/SimulatedHorizonHandler.cs"] = "Horizon's wire time in the simulated network's answers",
    };

    [GeneratedRegex(@"yyyy|ToString\(""[Oo]""|:[Oo]\}")]
    private static partial Regex DateFormat();

    [Fact]
    public void Only_each_formats_home_spells_it_out()
    {
        var spelled = SourceTree.Files("Features").Concat(SourceTree.Files("Components"))
            .Where(f => DateFormat().IsMatch(f.Text))
            .Select(f => f.Path.Replace('\\', '/'))
            .ToList();

        Assert.Equal([], spelled.Except(Homes.Keys));
        Assert.All(Homes.Keys, home => Assert.Contains(home, spelled));
    }
}
