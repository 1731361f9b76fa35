using System.Net;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>Starting, stopping and restarting the real app on its embedded PostgreSQL, as an operator does.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class LifecycleTests(Chromium chromium)
{
    [Fact]
    public async Task SIGTERM_stops_the_app_and_its_database_and_a_restart_keeps_users_and_audit_events()
    {
        var folder = ConsoleApp.NewDataDir();
        var first = ConsoleApp.OnFolder(folder, demo: true, "lifecycle-first.log");
        try
        {
            await first.InitializeAsync();
            await first.StopAsync();
            Assert.Equal(0, first.ExitCode);
            Assert.False(File.Exists(first.ClusterPidFile), "PostgreSQL was still running after the app stopped");

            // Demo off: whatever the second run shows was kept by the first, not seeded again.
            await using var second = ConsoleApp.OnFolder(folder, demo: false, "lifecycle-second.log");
            await second.InitializeAsync();
            await using var session = await chromium.OpenAsync(second, DemoUser.Admin,
                nameof(SIGTERM_stops_the_app_and_its_database_and_a_restart_keeps_users_and_audit_events));
            await session.Page.GotoAsync(new Uri(second.BaseUrl, "/audit?action=user.created").ToString());
            await Expect(session.Page.GetByText("user/operator@demo.local")).ToBeVisibleAsync();
            await Expect(new ShellPage(session.Page).CurrentUser).ToHaveTextAsync(DemoUser.Admin.DisplayName);
        }
        finally
        {
            await first.RemoveDataAsync();
        }
    }

    [Fact]
    public async Task A_second_app_on_a_folder_in_use_says_so_and_leaves_the_first_running()
    {
        var folder = ConsoleApp.NewDataDir();
        var first = ConsoleApp.OnFolder(folder, demo: false, "in-use-first.log");
        try
        {
            await first.InitializeAsync();
            var second = ConsoleApp.OnFolder(folder, demo: false, "in-use-second.log");

            var exitCode = await second.RunToExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains($"OpsConsole cannot start: The embedded PostgreSQL data folder {folder} is in use", second.OutputTail);
            using var http = new HttpClient { BaseAddress = first.BaseUrl };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        }
        finally
        {
            await first.StopAsync();
            await first.RemoveDataAsync();
        }
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it()
    {
        var folder = ConsoleApp.NewDataDir();
        var app = ConsoleApp.OnFolder(folder, demo: false, "bad-setting.log",
            new Dictionary<string, string> { ["Transitions__MaxAttempts"] = "0" });
        try
        {
            var exitCode = await app.RunToExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var lines = app.OutputTail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("OpsConsole cannot start: Transitions:MaxAttempts must be a whole number from 1 to 10", Assert.Single(lines).Trim());
        }
        finally
        {
            await app.RemoveDataAsync();
        }
    }
}
