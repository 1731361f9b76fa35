using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Integration.MachineAuth;

/// <summary>
/// The real app on a test database with two machine keys and a fake clock, plus two test-only endpoints under
/// /test-only: an echo that reads the body (needs Approvals:Submit) and a cookie sign-in by email.
/// </summary>
public sealed class MachineAuthHost(string connectionString, FakeTimeProvider time) : WebApplicationFactory<Program>
{
    public const string BridgeSecret = "bridge-secret-0123456789";
    public const string FeedSecret = "feed-secret-0123456789ab";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Given as settings before Program reads them, so it uses this database and starts no embedded server.
        builder.UseSetting("ConnectionStrings:OpsDb", connectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("MachineClients:Keys:bridge:Secret", BridgeSecret);
        builder.UseSetting("MachineClients:Keys:bridge:Tenant", "acme");
        builder.UseSetting("MachineClients:Keys:bridge:Scopes", "Approvals:Submit, Metrics:Read");
        builder.UseSetting("MachineClients:Keys:feed:Secret", FeedSecret);
        builder.UseSetting("MachineClients:Keys:feed:Tenant", "acme");
        builder.UseSetting("MachineClients:Keys:feed:Scopes", """["DeadLetters:Read"]""");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IStartupFilter, TestOnlyEndpoints>();
        });
    }

    sealed class TestOnlyEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-only", branch =>
            {
                // No UseAuthentication here: the cookie handler would fix /test-only as the cookie's path.
                branch.UseRouting();
                branch.UseAuthorization();
                branch.UseEndpoints(e =>
                {
                    e.MapPost("/echo", async (HttpRequest request) =>
                    {
                        using var reader = new StreamReader(request.Body);
                        return TypedResults.Text(await reader.ReadToEndAsync(), "application/json");
                    }).RequireAuthorization(MachinePolicies.ApprovalsSubmit);
                    e.MapPost("/sign-in", async (string email, HttpRequest request, UserManager<OpsUser> users, SignInManager<OpsUser> signIn) =>
                    {
                        request.PathBase = PathString.Empty; // the cookie's path follows the path base; it must cover the app
                        await signIn.SignInAsync((await users.FindByEmailAsync(email))!, isPersistent: false);
                        return TypedResults.NoContent();
                    });
                });
            });
            next(app);
        };
    }
}
