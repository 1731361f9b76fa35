namespace OpsConsole.Domain.Notifications;

/// <summary>
/// The pack templates the console ships, English and German, and how one is chosen: the language of the locale's first
/// part (<c>de-AT</c> is German) when it has a template for the event, else English.
/// </summary>
public static class PackTemplateCatalog
{
    public const string Fallback = "en";

    static readonly PackTemplateLanguage English = new(
        new PackFieldLabels("Tenant", "Run", "Approval", "Plan hash", "Steps", "Required grants", "Message", "Gate", "Parameters",
            "What the gate said"),
        new Dictionary<string, PackTemplate>
        {
            [PackNotificationEvents.ApprovalRequested] = new(
                "Approval needed: pack run {run}, {approval}",
                "Run {run} of tenant {tenant} waits for a decision on {approval} before its steps go on.",
                "Open the request"),
            [PackNotificationEvents.PolicyHold] = new(
                "Policy hold: {gate} holds pack run {run}",
                "The policy gate {gate} holds run {run} of tenant {tenant}. Its alert stays raised until the run moves on or someone acknowledges it.",
                "Open the alerts"),
        });

    static readonly PackTemplateLanguage German = new(
        new PackFieldLabels("Mandant", "Lauf", "Freigabe", "Plan-Hash", "Schritte", "Erforderliche Berechtigungen", "Nachricht", "Richtlinie",
            "Parameter", "Meldungen der Richtlinie"),
        new Dictionary<string, PackTemplate>
        {
            [PackNotificationEvents.ApprovalRequested] = new(
                "Freigabe erforderlich: Pack-Lauf {run}, {approval}",
                "Lauf {run} des Mandanten {tenant} wartet auf eine Entscheidung über {approval}, bevor seine Schritte weiterlaufen.",
                "Anfrage öffnen"),
            [PackNotificationEvents.PolicyHold] = new(
                "Richtlinien-Sperre: {gate} hält Pack-Lauf {run} an",
                "Die Richtlinie {gate} hält Lauf {run} des Mandanten {tenant} an. Ihr Alarm bleibt bestehen, bis der Lauf weitergeht oder jemand ihn bestätigt.",
                "Alarme öffnen"),
        });

    public static IReadOnlyDictionary<string, PackTemplateLanguage> Shipped { get; } =
        new Dictionary<string, PackTemplateLanguage> { [Fallback] = English, ["de"] = German };

    /// <summary>The locales a routing rule may choose.</summary>
    public static IReadOnlyList<string> Locales { get; } = [.. Shipped.Keys];

    /// <summary>The template for the event in the locale's language, falling back to English for a language or an event
    /// the catalog has no template for; an event English has no template for has none at all.</summary>
    public static PackTemplateChoice Resolve(IReadOnlyDictionary<string, PackTemplateLanguage> catalog, string eventKey, string? locale)
    {
        var language = (locale ?? "").Split('-')[0].Trim().ToLowerInvariant();
        if (catalog.TryGetValue(language, out var asked) && asked.Events.TryGetValue(eventKey, out var own))
            return new(language, asked.Labels, own);
        if (catalog.TryGetValue(Fallback, out var english) && english.Events.TryGetValue(eventKey, out var template))
            return new(Fallback, english.Labels, template);
        throw new ArgumentOutOfRangeException(nameof(eventKey), eventKey, "No pack template for this event key.");
    }
}
