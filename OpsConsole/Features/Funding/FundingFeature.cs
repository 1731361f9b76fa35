using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding;

/// <summary>Funding: the handles deposits arrive at (the /funding page and the signed handles API), and the bridge's
/// credited deposits, the only spendable truth.</summary>
public static class FundingFeature
{
    /// <summary>The scope that lets a key read and change funding handles; operators write it in settings, so it never changes.</summary>
    public const string AdminScope = "Funding:Admin";

    /// <summary>The scope of the bridge's feed of credited deposits.</summary>
    public const string BridgeDepositsScope = "BridgeDeposits:Ingest";

    /// <summary>May change funding handles: an Admin, or a machine client holding Funding:Admin.</summary>
    public const string Admins = "ops:funding-admins";

    public static void AdminsPolicy(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MachineHmacHandler.SchemeName)
        .RequireScopeOrRole(AdminScope, [Roles.Admin]);

    public static IServiceCollection AddFunding(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<BitcoinSettings>(config);
        services.AddMachineScope(AdminScope);
        services.AddMachineScope(BridgeDepositsScope);
        services.AddAuthorizationBuilder().AddPolicy(Admins, AdminsPolicy);
        services.AddSingleton<FundingHandles>();
        services.AddSingleton<BridgeDepositStore>();
        services.AddSingleton<FundingDemoSeed>();
        services.AddDemoSeed<FundingDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder app)
    {
        app.MapFundingHandlesApi();
        app.MapIngest<BridgeDeposit, BridgeDepositStore>("/bridge-deposits", BridgeDepositsScope, BridgeDeposit.Read, store => store.StoreAsync);
        return app;
    }
}
