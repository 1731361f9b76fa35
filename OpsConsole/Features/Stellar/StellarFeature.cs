using Microsoft.Extensions.Options;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Http;
using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.Stellar;

/// <summary>Mint submission to Stellar: the network client of Stellar:Mode (RPC, Horizon, or the simulated network behind
/// the client of Stellar:SimulatedApi), the submitter and its job; in Simulated mode, the demo's mints.</summary>
public static class StellarFeature
{
    public static IServiceCollection AddStellar(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StellarOptions>().Bind(config.GetSection(StellarOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StellarOptions>>(new StellarOptionsValidator(config.GetValue("Demo:Enabled", false)));
        services.AddSingleton<IssuerKey>();
        services.AddSingleton<SourceAccountLock>();
        var mode = config.GetValue($"{StellarOptions.Section}:Mode", StellarMode.Simulated);
        switch (mode)
        {
            case StellarMode.Horizon:
                services.AddHttpClient<IStellarNetwork, HorizonClient>(HorizonClient.ClientName, (sp, c) =>
                        c.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<StellarOptions>>().Value.HorizonUrl))
                    .WithNetworkResilience("stellar");
                break;
            case StellarMode.Rpc:
                services.AddHttpClient<IStellarNetwork, StellarRpcClient>(StellarRpcClient.ClientName, (sp, c) =>
                        c.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<StellarOptions>>().Value.RpcUrl))
                    .WithNetworkResilience("stellar");
                break;
            default:
                services.AddSingleton(sp => SimulatedNetwork(sp, config.GetValue("Demo:Enabled", false)));
                // The same real clients as against a real network, with the simulation as their HTTP handler.
                var simulated = new Uri("http://simulated.stellar.invalid/");
                var client = config.GetValue($"{StellarOptions.Section}:SimulatedApi", SimulatedApi.Rpc) == SimulatedApi.Horizon
                    ? services.AddHttpClient<IStellarNetwork, HorizonClient>(HorizonClient.ClientName, c => c.BaseAddress = simulated)
                        .ConfigurePrimaryHttpMessageHandler(sp => new SimulatedHorizonHandler(sp.GetRequiredService<SimulatedLedger>()))
                    : services.AddHttpClient<IStellarNetwork, StellarRpcClient>(StellarRpcClient.ClientName, c => c.BaseAddress = simulated)
                        .ConfigurePrimaryHttpMessageHandler(sp => new SimulatedRpcHandler(sp.GetRequiredService<SimulatedLedger>()));
                client.WithNetworkResilience("stellar");
                services.AddSingleton<IDemoRequests, StellarDemoRequests>();
                break;
        }
        services.AddTransient<MintSubmitter>();
        services.AddSingleton<MintTransactions>();
        SubmissionRetry.Register(services);
        services.AddJob<StellarSubmissionJob, StellarOptions>(o => JobSchedule.Every(o.ReconcileInterval));
        return services;
    }

    /// <summary>The in-process network; in demo mode it drops the payments of the demo's one mint that times out.</summary>
    static SimulatedLedger SimulatedNetwork(IServiceProvider sp, bool demo)
    {
        var ledger = new SimulatedLedger(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StellarOptions>>().Value.NetworkPassphrase);
        if (demo)
            ledger.DropPaymentsTo(StellarDemoRequests.DroppedDestination);
        return ledger;
    }

    static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
