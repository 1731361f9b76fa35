using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>Alerts: the signed ingest feeds, the rules and their evaluator job, acknowledgements and silences, the state
/// API, the counts on /metrics, and the alerts live topic.</summary>
public static class AlertsFeature
{
    /// <summary>The scopes of the ingest endpoints, one each; operators write them in settings, so they never change.</summary>
    public const string MarketPricesScope = "MarketPrices:Ingest";
    public const string InventoryScope = "Inventory:Ingest";
    public const string LiquidityActionsScope = "LiquidityActions:Ingest";
    public const string TradeResultsScope = "TradeResults:Ingest";

    /// <summary>The scope a machine-client key needs to read /api/alerts/state; operators write it in settings, so it never changes.</summary>
    public const string ReadScope = "Alerts:Read";

    /// <summary>/api/alerts/state: anyone signed in (every role reads alerts), or a machine client holding Alerts:Read.</summary>
    public const string ApiReaders = "ops:read-alerts-api";

    /// <summary>May acknowledge and silence alerts: every role that acts (everyone but Viewers, who only read).</summary>
    public const string Responders = "ops:respond-alerts";

    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<AlertSettings>(config);
        services.AddSingleton<IngestStore>();
        services.AddMachineScope(MarketPricesScope);
        services.AddMachineScope(InventoryScope);
        services.AddMachineScope(LiquidityActionsScope);
        services.AddMachineScope(TradeResultsScope);

        static AlertSettings Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<AlertSettings>>().Value;
        services.AddAlertRule<IReadOnlyList<PriceFact>, MarketPriceFacts>(sp => new ReferencePriceStale(Settings(sp).PriceStaleAfter));
        services.AddAlertRule<IReadOnlyList<InventoryFact>, InventoryFacts>(sp => new InventorySnapshotStale(Settings(sp).InventoryStaleAfter));
        services.AddAlertRule<IReadOnlyList<ExecutorPairFact>, ExecutorFacts>(_ => new ExecutorSubmissionFailed());
        services.AddAlertRule<IReadOnlyList<LiquidityActionFact>, LiquidityActionFacts>(sp => new LiquidityActionStuck(Settings(sp).LiquidityStuckAfter));
        services.AddAlertRule<IReadOnlyList<ExpiredApprovalFact>, ExpiredApprovalFacts>(sp => new ApprovalsExpired(Settings(sp).ApprovalsExpiredWindow));
        services.AddAlertRule<IReadOnlyList<DeadLetterSourceFact>, DeadLetterFacts>(sp => new DeadLettersUnresolved(Settings(sp).DeadLettersUnresolvedAfter));

        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertEffects>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertResponses>();
        services.AddSingleton<AlertEvaluatorControl>();
        services.AddSingleton<AlertQuery>();
        services.AddHostedService<AlertMetrics>();
        services.AddMachineScope(ReadScope);
        // Cookie first: its challenge only sets the status, and the machine challenge that follows writes the problem body.
        services.AddAuthorizationBuilder().AddPolicy(ApiReaders, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MachineHmacHandler.SchemeName)
            .RequireScopeOrRole(ReadScope, Roles.All));
        services.AddAuthorizationBuilder().AddPolicy(Responders, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Operator, Roles.Manager, Roles.TopManagement, Roles.Remediator, Roles.Admin));
        services.AddDeadLetterHandler<AlertEvaluationRetry>();
        services.AddJob<AlertEvaluationJob, AlertSettings>(o => o.EvaluateSchedule);
        services.AddLiveTopic(LiveTopics.Alerts, LiveAudience.HoldersOf(OpsPolicies.ReadAlerts));
        return services;
    }

    /// <summary>
    /// Registers an alert rule: the Domain rule, built from the services (its settings), and the reader of its facts. This
    /// is how every rule joins the evaluator, the funding rules as much as these.
    /// </summary>
    public static IServiceCollection AddAlertRule<TFacts, TReader>(this IServiceCollection services, Func<IServiceProvider, IAlertRule<TFacts>> rule)
        where TReader : class, IAlertFacts<TFacts>
    {
        services.TryAddSingleton<TReader>();
        services.TryAddSingleton<AlertRules>();
        services.AddSingleton<IAlertRuleSource>(sp => new AlertRuleSource<TFacts>(rule(sp), sp.GetRequiredService<TReader>()));
        return services;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapIngestApi();
        app.MapAlertsApi();
        return app;
    }
}
