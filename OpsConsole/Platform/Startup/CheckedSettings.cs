using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.Startup;

/// <summary>
/// Settings read from the configuration's text by their owner, so that a value of the wrong type is reported by its
/// name like any other problem (the binder would throw instead), and every problem stops start-up in one line.
/// </summary>
public interface ICheckedSettings
{
    /// <summary>Reads the settings, adding to <see cref="Problems"/> a sentence that names the setting for each value that cannot be used.</summary>
    void Read(IConfiguration config);

    List<string> Problems { get; }
}

public static class CheckedSettings
{
    /// <summary>Reads <typeparamref name="T"/> once and checks it when the app starts.</summary>
    public static IServiceCollection AddCheckedSettings<T>(this IServiceCollection services, IConfiguration config)
        where T : class, ICheckedSettings, new()
    {
        services.AddOptions<T>().Configure(o => o.Read(config)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ProblemsFound<T>>());
        return services;
    }

    /// <summary>A time span setting; absent or empty keeps <paramref name="fallback"/>.</summary>
    public static TimeSpan PositiveTime(IConfiguration config, string key, TimeSpan fallback, List<string> problems)
    {
        if (config[key] is not { Length: > 0 } text)
            return fallback;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
            return value;
        problems.Add($"{key} must be a positive time span (e.g. 00:30:00), not '{text}'");
        return fallback;
    }

    /// <summary>A whole-number setting of at least one; absent or empty keeps <paramref name="fallback"/>.</summary>
    public static int PositiveWhole(IConfiguration config, string key, int fallback, List<string> problems)
    {
        if (config[key] is not { Length: > 0 } text)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            return value;
        problems.Add($"{key} must be a whole number of at least 1, not '{text}'");
        return fallback;
    }

    /// <summary>The member of <typeparamref name="TEnum"/> the setting names, ignoring case (<paramref name="fallback"/> when
    /// absent or empty), or null for a value that names none; numbers are not names.</summary>
    public static TEnum? Named<TEnum>(IConfiguration config, string key, TEnum fallback) where TEnum : struct, Enum => config[key]?.Trim() switch
    {
        null or "" => fallback,
        var text when Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) => value,
        _ => null,
    };

    /// <summary>A list given as child entries (Key:0, Key:1) or as one comma- or space-separated value.</summary>
    public static IReadOnlyList<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var items = section.Value is { } joined
            ? joined.Split([',', ' ', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>();
        return [.. items.Where(i => i.Length > 0)];
    }

    sealed class ProblemsFound<T> : IValidateOptions<T> where T : class, ICheckedSettings
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems.Count > 0 ? ValidateOptionsResult.Fail(options.Problems) : ValidateOptionsResult.Success;
    }
}
