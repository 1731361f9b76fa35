namespace OpsConsole.Domain.Notifications;

/// <summary>A language's pack templates: its field names, and its words for each event it has a template for.</summary>
public sealed record PackTemplateLanguage(PackFieldLabels Labels, IReadOnlyDictionary<string, PackTemplate> Events);
