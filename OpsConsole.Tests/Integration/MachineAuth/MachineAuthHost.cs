using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.MachineAuth;

/// <summary>
/// The real app on a test database with two machine keys, no demo key and a fake clock, plus a test-only endpoint
/// under /test-only: an echo that reads the body (needs Approvals:Submit).
/// </summary>
public sealed class MachineAuthHost(string connectionString, FakeTimeProvider time) : OpsAppFactory(connectionString, Settings)
{
    public const string BridgeSecret = "bridge-secret-0123456789";
    public const string FeedSecret = "feed-secret-0123456789ab";
    public const string OtherTenantSecret = "globex-secret-0123456789";

    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Demo:Enabled"] = "false",
        ["MachineClients:Keys:bridge:Secret"] = BridgeSecret,
        ["MachineClients:Keys:bridge:Tenant"] = "acme",
        ["MachineClients:Keys:bridge:Scopes"] = "Approvals:Submit, Metrics:Read",
        ["MachineClients:Keys:feed:Secret"] = FeedSecret,
        ["MachineClients:Keys:feed:Tenant"] = "acme",
        ["MachineClients:Keys:feed:Scopes"] = """["DeadLetters:Read"]""",
        ["MachineClients:Keys:globex:Secret"] = OtherTenantSecret,
        ["MachineClients:Keys:globex:Tenant"] = "globex",
        ["MachineClients:Keys:globex:Scopes"] = "Approvals:Submit",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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
                    }).RequireAuthorization(MachinePolicies.PolicyName(ApprovalsFeature.SubmitScope));
                });
            });
            next(app);
        };
    }
}
