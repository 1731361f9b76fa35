using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>The identity services registered exactly as the app registers them, on one test database.</summary>
public sealed class IdentityHarness : IAsyncDisposable
{
    public const string Password = "Harness-pass-1";
    readonly ServiceProvider provider;
    readonly AsyncServiceScope scope;

    IdentityHarness(ServiceProvider provider, string connectionString)
    {
        this.provider = provider;
        scope = provider.CreateAsyncScope();
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public IServiceProvider Services => provider;
    public UserDirectory Directory => scope.ServiceProvider.GetRequiredService<UserDirectory>();

    public static async Task<IdentityHarness> StartAsync(string connectionString)
    {
        var (services, config) = TestHost.Core(connectionString, TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddIdentityFeature(config);
        var harness = new IdentityHarness(TestHost.Build(services), connectionString);
        await using var setup = harness.provider.CreateAsyncScope();
        await DemoSeed.EnsureRolesAsync(setup.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var db = setup.ServiceProvider.GetRequiredService<OpsDbContext>();
        foreach (var (id, name) in new[] { ("treasury", "Treasury"), ("operations", "Operations") })
            if (!await db.Departments.AnyAsync(d => d.Id == id))
                db.Departments.Add(new Department { Id = id, Name = name });
        await db.SaveChangesAsync();
        return harness;
    }

    /// <summary>Adds a user straight through Identity, as a seed would; the directory is what is under test.</summary>
    public async Task<OpsUser> AddUserAsync(string email, params string[] roles)
    {
        await using var s = provider.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var user = new OpsUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    /// <summary>The principal the sign-in cookie would carry for this user now.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var s = provider.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await s.ServiceProvider.GetRequiredService<SignInManager<OpsUser>>().CreateUserPrincipalAsync(user);
    }

    public async Task<Microsoft.AspNetCore.Identity.SignInResult> CheckPasswordAsync(string email, string password)
    {
        await using var s = provider.CreateAsyncScope();
        var user = await s.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}");
        return await s.ServiceProvider.GetRequiredService<SignInManager<OpsUser>>().CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
    }

    public async Task<UserSummary?> FindAsync(ClaimsPrincipal caller, string email) =>
        (await Directory.ListAsync(caller)).SingleOrDefault(u => u.Email == email);

    public OpsDbContext NewDb()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new OpsDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
