using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Audit;

/// <summary>The audit page, chain verification and CSV export; the writer, AuditTrail, is part of the platform.</summary>
public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<AuditVerification>();
        services.AddSingleton<AuditExport>();
        services.AddLiveTopic(LiveTopics.Audit, LiveAudience.HoldersOf(OpsPolicies.ReadAudit));
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapAuditExport();
        return app;
    }
}
