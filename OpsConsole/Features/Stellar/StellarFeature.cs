using Microsoft.Extensions.Options;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.Stellar;

/// <summary>Mint submission to Stellar: the network client of Stellar:Mode (RPC, Horizon, or the simulated network
/// behind the RPC client), the submitter and its job.</summary>
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
                    .WithStellarResilience();
                break;
            case StellarMode.Rpc:
                services.AddHttpClient<IStellarNetwork, StellarRpcClient>(StellarRpcClient.ClientName, (sp, c) =>
                        c.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<StellarOptions>>().Value.RpcUrl))
                    .WithStellarResilience();
                break;
            default:
                services.AddSingleton(sp => new SimulatedLedger(sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<IOptions<StellarOptions>>().Value.NetworkPassphrase));
                services.AddHttpClient<IStellarNetwork, StellarRpcClient>(StellarRpcClient.ClientName, c => c.BaseAddress = new Uri("http://simulated.stellar.invalid/"))
                    .ConfigurePrimaryHttpMessageHandler(sp => new SimulatedRpcHandler(sp.GetRequiredService<SimulatedLedger>()))
                    .WithStellarResilience();
                break;
        }
        services.AddTransient<MintSubmitter>();
        services.AddSingleton<MintTransactions>();
        SubmissionRetry.Register(services);
        services.AddJob<StellarSubmissionJob, StellarOptions>(o => JobSchedule.Every(o.ReconcileInterval));
        return services;
    }

    static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
