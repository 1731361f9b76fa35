using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Platform;

[Trait("Category", "Integration")]
public sealed class PostgresBinariesTests
{
    [Fact]
    public void Nothing_found_when_neither_path_nor_package_folder_has_the_programs()
    {
        Assert.Null(PostgresBinaries.Locate(pathVariable: "/nonexistent", packageRoot: "/nonexistent/postgresql"));
    }

    [Fact]
    public void The_missing_message_names_the_package_and_the_setting_to_use_instead()
    {
        Assert.Contains("apt-get install postgresql", PostgresBinaries.MissingMessage);
        Assert.Contains("ConnectionStrings:OpsDb", PostgresBinaries.MissingMessage);
    }

    [Fact]
    public void The_newest_versioned_package_folder_is_chosen()
    {
        var root = Directory.CreateTempSubdirectory("pgroot").FullName;
        try
        {
            foreach (var v in new[] { "13", "16", "9" })
            {
                Directory.CreateDirectory(Path.Combine(root, v, "bin"));
                File.WriteAllText(Path.Combine(root, v, "bin", "initdb"), "");
                File.WriteAllText(Path.Combine(root, v, "bin", "pg_ctl"), "");
            }
            Assert.Equal(Path.Combine(root, "16", "bin"), PostgresBinaries.Locate("/nonexistent", root)!.BinDirectory);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Programs_on_path_win_over_a_newer_package_folder_and_links_resolve_to_the_folder_that_holds_postgres()
    {
        var root = Directory.CreateTempSubdirectory("pgpath").FullName;
        try
        {
            // A package folder with a newer version, and a PATH folder of links into an older one, as Debian's wrappers are.
            var packages = Path.Combine(root, "packages");
            foreach (var v in new[] { "14", "17" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(packages, v, "bin")).FullName;
                foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
                    File.WriteAllText(Path.Combine(bin, program), "");
            }
            var onPath = Directory.CreateDirectory(Path.Combine(root, "path")).FullName;
            foreach (var program in new[] { "initdb", "pg_ctl" })
                File.CreateSymbolicLink(Path.Combine(onPath, program), Path.Combine(packages, "14", "bin", program));

            var found = PostgresBinaries.Locate(pathVariable: $"/nonexistent:{onPath}", packageRoot: packages);

            Assert.Equal(Path.Combine(packages, "14", "bin"), found!.BinDirectory);
            Assert.True(File.Exists(Path.Combine(found.BinDirectory, "postgres")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void This_machine_has_the_programs_the_embedded_cluster_needs()
    {
        var found = PostgresBinaries.Locate();
        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found.BinDirectory, "postgres")), $"no postgres beside pg_ctl in {found.BinDirectory}");
    }
}
