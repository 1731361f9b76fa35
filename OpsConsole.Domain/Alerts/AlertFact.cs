namespace OpsConsole.Domain.Alerts;

/// <summary>One fact a rule read, with its value in its own kind (text, a moment, a span of time or a number), so that a
/// page can show each the way it shows such values.</summary>
public sealed record AlertFact(string Name, string? Text = null, DateTimeOffset? At = null, TimeSpan? Span = null, decimal? Number = null)
{
    public static AlertFact Of(string name, string? text) => new(name, Text: text ?? "—");

    public static AlertFact Of(string name, DateTimeOffset at) => new(name, At: at);

    public static AlertFact Of(string name, TimeSpan span) => new(name, Span: span);

    public static AlertFact Of(string name, decimal number) => new(name, Number: number);
}
