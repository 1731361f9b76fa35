using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts;

/// <summary>A silence as the page and the API list it; <see cref="ScopeKey"/> null means every scope of the code.</summary>
public sealed record AlertSilenceView(Guid Id, string Code, string? ScopeKey, DateTimeOffset StartsAt, DateTimeOffset Until, string Note,
    string CreatedBy, DateTimeOffset? EndedAt, string? EndedBy)
{
    public static AlertSilenceView From(AlertSilence s) => new(s.Id, s.Code, s.ScopeKey, s.StartsAt, s.Until, s.Note, s.CreatedBy, s.EndedAt, s.EndedBy);
}
