using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Funding.Alerts;
using OpsConsole.Features.Funding.Esplora;
using OpsConsole.Features.Funding.Gnosis;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Features.Funding.State;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Http;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding;

/// <summary>Funding: the handles deposits arrive at (the /funding page and the signed handles API), the bridge's
/// credited deposits (the only spendable truth), and the observer of BTC and EURe deposits with its job, controls and state
/// API, reading Esplora and Gnosis JSON-RPC or, in Simulated mode, in-process chains behind the same clients; the four
/// funding alert rules, the pipeline the wall and the overview show, the funding live topic, and in demo mode on the
/// simulated chain the demo's bridge.</summary>
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
        services.AddCheckedSettings<GnosisSettings>(config);
        services.AddMachineScope(AdminScope);
        services.AddMachineScope(BridgeDepositsScope);
        services.AddAuthorizationBuilder().AddPolicy(Admins, AdminsPolicy);
        services.AddSingleton<FundingHandles>();
        services.AddSingleton<BridgeDepositStore>();
        services.AddSingleton<FundingDemoSeed>();
        services.AddDemoSeed<FundingDemoSeed>();
        AddEsplora(services, config);
        AddGnosisRpc(services, config);
        services.AddTransient<IFundingChainReader, BitcoinChainReader>();
        services.AddTransient<IFundingChainReader, GnosisChainReader>();
        services.AddTransient<FundingObserver>();
        services.AddTransient<FundingObserverControl>();
        services.AddSingleton<FundingStateQuery>();
        services.AddJob<FundingObserverJob, BitcoinSettings>(o => o.PollSchedule);
        services.AddSingleton<IFundingPipeline, FundingPipelineQuery>();
        services.AddLiveTopic(LiveTopics.Funding, LiveAudience.HoldersOf(OpsPolicies.FollowFunding));
        AddAlertRules(services);
        if (config.GetValue("Demo:Enabled", false)
            && (BitcoinSettings.ModeOf(config) == BitcoinMode.Simulated || GnosisSettings.ModeOf(config) == GnosisMode.Simulated))
        {
            services.AddTransient<FundingDemoPayments>();
            services.AddSingleton<DemoBridge>();
            services.AddJob<DemoBridgeJob>(DemoBridge.RunEvery);
        }
        return services;
    }

    /// <summary>The funding rules, each with its window from Alerts (observer_down's from Bitcoin:PollInterval).</summary>
    static void AddAlertRules(IServiceCollection services)
    {
        static AlertSettings Alerts(IServiceProvider sp) => sp.GetRequiredService<IOptions<AlertSettings>>().Value;
        static BitcoinSettings Bitcoin(IServiceProvider sp) => sp.GetRequiredService<IOptions<BitcoinSettings>>().Value;
        services.AddAlertRule<IReadOnlyList<FundingTransferFact>, FundingTransferFacts>(sp => new FundingSeenUnconfirmed(Alerts(sp).FundingUnconfirmedAfter));
        services.AddAlertRule<IReadOnlyList<FundingTransferFact>, FundingTransferFacts>(sp => new FundingConfirmedCreditPending(Alerts(sp).CreditPendingAfter));
        services.AddAlertRule<IReadOnlyList<FundingTransferFact>, FundingTransferFacts>(sp => new FundingStuck(Alerts(sp).FundingStuckAfter));
        services.AddAlertRule<IReadOnlyList<FundingHandleFact>, FundingHandleFacts>(sp =>
            new FundingObserverDown(FundingObserverDown.WindowFor(Bitcoin(sp).PollInterval)));
    }

    /// <summary>The Esplora client of Bitcoin:Mode: against Bitcoin:EsploraUrl, or with the simulated chain as its HTTP
    /// handler (a bad mode stops start-up through the settings' check, so Simulated stands in for it here).</summary>
    static void AddEsplora(IServiceCollection services, IConfiguration config)
    {
        static BitcoinSettings Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<BitcoinSettings>>().Value;
        if (BitcoinSettings.ModeOf(config) == BitcoinMode.Esplora)
        {
            services.AddHttpClient<EsploraClient>(EsploraClient.ClientName, (sp, c) => c.BaseAddress = WithSlash(Settings(sp).EsploraUrl))
                .WithNetworkResilience(EsploraClient.ClientName);
            return;
        }
        services.AddSingleton(sp => new SimulatedBitcoinChain(sp.GetRequiredService<TimeProvider>(), Settings(sp).Network));
        services.AddHttpClient<EsploraClient>(EsploraClient.ClientName, c => c.BaseAddress = new Uri("http://simulated.esplora.invalid/"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SimulatedEsploraHandler(sp.GetRequiredService<SimulatedBitcoinChain>()))
            .WithNetworkResilience(EsploraClient.ClientName);
    }

    /// <summary>The Gnosis JSON-RPC client of Gnosis:Mode: against Gnosis:RpcUrl, or with the simulated chain as its HTTP
    /// handler. Nethereum sends through this HttpClient, so the shared resilience covers its calls (all reads).</summary>
    static void AddGnosisRpc(IServiceCollection services, IConfiguration config)
    {
        static GnosisSettings Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<GnosisSettings>>().Value;
        if (GnosisSettings.ModeOf(config) == GnosisMode.Rpc)
        {
            services.AddHttpClient<GnosisRpcClient>(GnosisRpcClient.ClientName, (sp, c) => c.BaseAddress = new Uri(Settings(sp).RpcUrl))
                .WithNetworkResilience(GnosisRpcClient.ClientName);
            return;
        }
        services.AddSingleton(sp => new SimulatedGnosisChain(sp.GetRequiredService<TimeProvider>(), Settings(sp).EureContract));
        services.AddHttpClient<GnosisRpcClient>(GnosisRpcClient.ClientName, c => c.BaseAddress = new Uri("http://simulated.gnosis.invalid/"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SimulatedGnosisRpcHandler(sp.GetRequiredService<SimulatedGnosisChain>()))
            .WithNetworkResilience(GnosisRpcClient.ClientName);
    }

    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder app)
    {
        app.MapFundingHandlesApi();
        app.MapFundingObserverApi();
        app.MapIngest<BridgeDeposit, BridgeDepositStore>("/bridge-deposits", BridgeDepositsScope, BridgeDeposit.Read, store => store.StoreAsync);
        return app;
    }

    static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
