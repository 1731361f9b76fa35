using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Platform;

[Trait("Category", "Integration")]
public sealed class EmbeddedPostgresTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "opsconsole-tests", "launcher-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_new_start_on_the_same_folder()
    {
        await using (var pg = await EmbeddedPostgres.StartAsync(dir))
        {
            await pg.EnsureDatabaseAsync("keep");
            await Execute(pg.ConnectionStringFor("keep"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }

        await using var again = await EmbeddedPostgres.StartAsync(dir);
        await using var conn = new NpgsqlConnection(again.ConnectionStringFor("keep"));
        await conn.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT v FROM kept", conn);
        Assert.Equal("still here", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_start_on_a_folder_in_use_says_so_and_leaves_the_first_running()
    {
        await using var first = await EmbeddedPostgres.StartAsync(dir);

        var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(dir));

        Assert.Contains("in use", refused.Message);
        Assert.Contains(dir, refused.Message);
        await Execute(first.ConnectionStringFor("postgres"), "SELECT 1");
    }

    [Fact]
    public async Task The_server_listens_on_loopback_only_and_needs_the_generated_password()
    {
        await using var pg = await EmbeddedPostgres.StartAsync(dir);
        await Execute(pg.ConnectionStringFor("postgres"), "SELECT 1");

        var wrong = new NpgsqlConnectionStringBuilder(pg.ConnectionStringFor("postgres")) { Password = "not-the-password" };
        await Assert.ThrowsAsync<PostgresException>(() => Execute(wrong.ConnectionString, "SELECT 1"));

        await using var conn = new NpgsqlConnection(pg.ConnectionStringFor("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SHOW listen_addresses", conn);
        Assert.Equal("127.0.0.1", await cmd.ExecuteScalarAsync());
    }

    static async Task Execute(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
