using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// Which routing rules an event meets, and what makes a rule well formed. A rule matches an event of its kind, of its
/// tenant (or any, when it names none), whose required grants include every grant the rule names (any, when it names
/// none). Every matching enabled rule applies, lowest order first.
/// </summary>
public static class PackRouting
{
    public const string EventKindField = "eventKind";
    public const string TenantField = "tenant";
    public const string GrantsField = "requiredGrants";
    public const string RolesField = "roles";
    public const string DepartmentsField = "departments";
    public const string ChannelsField = "channels";
    public const string LocaleField = "locale";
    public const string OrderField = "order";
    public const int MaxOrder = 9999;

    public static bool Matches(PackRoutingRule rule, string eventKind, string tenant, IReadOnlyCollection<string> grants) =>
        rule.Enabled
        && rule.EventKind == eventKind
        && (rule.Tenant is null || rule.Tenant == tenant)
        && rule.RequiredGrants.All(grants.Contains);

    public static IReadOnlyList<PackRoutingRule> Matching(IEnumerable<PackRoutingRule> rules, string eventKind, string tenant,
        IReadOnlyCollection<string> grants) =>
        [.. rules.Where(r => Matches(r, eventKind, tenant, grants)).OrderBy(r => r.Order).ThenBy(r => r.Id)];

    /// <summary>The entries of a list typed as text, separated by commas, semicolons or white space.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        [.. (text ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    /// <summary>Trims what was typed, an empty tenant meaning any, and drops repeats; the channels in their usual order.</summary>
    public static PackRoutingInput Normalize(PackRoutingInput input) => input with
    {
        EventKind = input.EventKind?.Trim(),
        Tenant = string.IsNullOrWhiteSpace(input.Tenant) ? null : input.Tenant.Trim(),
        RequiredGrants = Clean(input.RequiredGrants),
        Roles = Clean(input.Roles),
        Departments = Clean(input.Departments),
        Channels = [.. input.Channels.Distinct().Order()],
        Locale = input.Locale?.Trim().ToLowerInvariant(),
    };

    /// <summary>Every problem of a normalized rule, each naming its field; empty when it can be stored.</summary>
    public static IReadOnlyList<FieldError> Validate(PackRoutingInput input, IReadOnlyCollection<string> knownRoles,
        IReadOnlyCollection<string> knownDepartments)
    {
        var errors = new List<FieldError>();
        if (input.EventKind is null || !PackRouteKinds.All.Contains(input.EventKind))
            errors.Add(new(EventKindField, $"Event must be one of {string.Join(", ", PackRouteKinds.All)}."));
        if (input.Tenant is { } tenant && !IngestShapes.Id().IsMatch(tenant))
            errors.Add(new(TenantField, $"Tenant '{tenant}' is not a tenant id ({IngestShapes.IdRule}); leave it empty to match every tenant."));
        if (input.EventKind == PackRouteKinds.PolicyHold && input.RequiredGrants.Count > 0)
            errors.Add(new(GrantsField, "Required grants must be empty for a policy hold: a hold carries no grants, so the rule would never match."));
        if (input.RequiredGrants.Count > PackShapes.MaxGrants)
            errors.Add(new(GrantsField, $"Required grants may name at most {PackShapes.MaxGrants} grants."));
        foreach (var grant in input.RequiredGrants.Where(g => !PackShapes.Grant().IsMatch(g)))
            errors.Add(new(GrantsField, $"Required grant '{grant}' is not a grant: {PackShapes.GrantRule}."));
        if (input.Roles.Count == 0 && input.Departments.Count == 0)
            errors.Add(new(RolesField, "Roles or departments: choose at least one role or one department to notify."));
        foreach (var role in input.Roles.Except(knownRoles))
            errors.Add(new(RolesField, $"Role '{role}' does not exist; the roles are {string.Join(", ", knownRoles)}."));
        foreach (var department in input.Departments.Except(knownDepartments))
            errors.Add(new(DepartmentsField, $"Department '{department}' does not exist; the departments are {string.Join(", ", knownDepartments)}."));
        if (input.Channels.Count == 0)
            errors.Add(new(ChannelsField, "Channels: choose at least one channel."));
        foreach (var channel in input.Channels.Where(c => !Enum.IsDefined(c)))
            errors.Add(new(ChannelsField, $"Channel '{channel}' does not exist."));
        if (input.Locale is null || !PackTemplateCatalog.Locales.Contains(input.Locale))
            errors.Add(new(LocaleField, $"Locale must be one of {string.Join(", ", PackTemplateCatalog.Locales)}."));
        if (input.Order is < 0 or > MaxOrder)
            errors.Add(new(OrderField, $"Order must be a whole number from 0 to {MaxOrder}."));
        return errors;
    }

    static IReadOnlyList<string> Clean(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
