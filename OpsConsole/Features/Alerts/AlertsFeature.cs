using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Alerts;

/// <summary>Alerts: the signed ingest feeds and their tables.</summary>
public static class AlertsFeature
{
    /// <summary>The scopes of the ingest endpoints, one each; operators write them in settings, so they never change.</summary>
    public const string MarketPricesScope = "MarketPrices:Ingest";
    public const string InventoryScope = "Inventory:Ingest";
    public const string LiquidityActionsScope = "LiquidityActions:Ingest";
    public const string TradeResultsScope = "TradeResults:Ingest";

    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<AlertSettings>(config);
        services.AddSingleton<IngestStore>();
        services.AddMachineScope(MarketPricesScope);
        services.AddMachineScope(InventoryScope);
        services.AddMachineScope(LiquidityActionsScope);
        services.AddMachineScope(TradeResultsScope);
        return services;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapIngestApi();
        return app;
    }
}
