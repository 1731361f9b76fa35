namespace OpsConsole.Domain.Notifications;

/// <summary>The template a notice is written with, and the language it is in (English when the one asked for had none).</summary>
public sealed record PackTemplateChoice(string Locale, PackFieldLabels Labels, PackTemplate Template);
