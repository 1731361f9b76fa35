using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>
/// Reads the fields of one ingested JSON object and names each one at fault by its path in the body (<c>price</c>, or
/// <c>[2].price</c> in a batch). Decimals are JSON numbers or decimal strings ("61000.25"; a string keeps every digit);
/// times are ISO 8601 strings with an offset or Z. Field names are camelCase; fields it does not ask for are ignored.
/// </summary>
public sealed partial class IngestFields(JsonElement item, string prefix, IngestLimits limits, List<FieldError> errors)
{
    public IngestFields(JsonElement item, string prefix, IngestLimits limits)
        : this(item, prefix, limits, [])
    {
    }

    public IReadOnlyList<FieldError> Errors => errors;

    JsonElement? Field(string name, bool required = true)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        if (required)
            Fail(name, $"{name} is required.");
        return null;
    }

    /// <summary>Records a problem a caller found in a field after reading it.</summary>
    public void Fail(string name, string message) => errors.Add(new FieldError(prefix + name, message));

    /// <summary>A string of the given shape; empty when missing or wrong (the error is recorded).</summary>
    public string Text(string name, Regex shape, string rule)
    {
        if (Field(name) is not { } value)
            return "";
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !shape.IsMatch(text))
        {
            Fail(name, $"{name} must be {rule}.");
            return "";
        }
        return text;
    }

    /// <summary>Free text that may be left out, at most <paramref name="maxLength"/> characters.</summary>
    public string? OptionalText(string name, int maxLength)
    {
        if (Field(name, required: false) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || text.Length > maxLength)
        {
            Fail(name, $"{name} must be a string of at most {maxLength} characters.");
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>A decimal of at most <see cref="IngestLimits.MaxDecimals"/> places, never negative, and above zero when <paramref name="positive"/>.</summary>
    public decimal Decimal(string name, bool positive = false)
    {
        if (Field(name) is not { } value)
            return 0;
        var number = 0m;
        var read = value.ValueKind == JsonValueKind.Number
            ? value.TryGetDecimal(out number)
            : value.ValueKind == JsonValueKind.String && PlainDecimal().IsMatch(value.GetString()!)
                && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
        if (!read)
            Fail(name, $"{name} must be a decimal number, or a decimal string such as \"61000.25\".");
        else if (number < 0)
            Fail(name, $"{name} must not be negative.");
        else if (positive && number == 0)
            Fail(name, $"{name} must be greater than zero.");
        else if (decimal.Round(number, IngestLimits.MaxDecimals) != number)
            Fail(name, $"{name} must have at most {IngestLimits.MaxDecimals} decimal places.");
        else
            return number;
        return 0;
    }

    /// <summary>A moment with its offset, no further ahead of the server's time than the limit allows, kept to the
    /// microsecond (what PostgreSQL stores), so a repeat of the record is recognised as one.</summary>
    public DateTimeOffset Time(string name)
    {
        if (Field(name) is not { } value)
            return default;
        if (value.ValueKind != JsonValueKind.String || !WithOffset().IsMatch(value.GetString()!) || !value.TryGetDateTimeOffset(out var at))
        {
            Fail(name, $"{name} must be an ISO 8601 time with an offset, such as \"2026-11-02T09:00:00Z\".");
            return default;
        }
        if (at - limits.Now > limits.MaxAhead)
        {
            Fail(name, $"{name} is {Math.Ceiling((at - limits.Now).TotalSeconds):0} s ahead of the server's time; at most "
                + $"{limits.MaxAhead.TotalSeconds:0} s ahead is accepted.");
            return default;
        }
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>One of the enum's names, in any case (the API writes them in lower case).</summary>
    public TEnum Choice<TEnum>(string name) where TEnum : struct, Enum
    {
        if (Field(name) is not { } value)
            return default;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && Letters().IsMatch(text)
            && Enum.TryParse<TEnum>(text, ignoreCase: true, out var choice))
            return choice;
        Fail(name, $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.");
        return default;
    }

    /// <summary>Required free text of 1 to <paramref name="maxLength"/> characters.</summary>
    public string Text(string name, int maxLength)
    {
        if (Field(name) is not { } value)
            return "";
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || text.Trim().Length == 0 || text.Length > maxLength)
        {
            Fail(name, $"{name} must be a string of 1 to {maxLength} characters.");
            return "";
        }
        return text;
    }

    /// <summary>A whole number from <paramref name="min"/> up.</summary>
    public int Int(string name, int min)
    {
        if (Field(name) is not { } value)
            return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min)
        {
            Fail(name, $"{name} must be a whole number of at least {min}.");
            return 0;
        }
        return number;
    }

    /// <summary>An array of 1 to <paramref name="maxCount"/> strings of the given shape, none repeated.</summary>
    public IReadOnlyList<string> Texts(string name, Regex shape, string rule, int maxCount)
    {
        if (Field(name) is not { } value)
            return [];
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 || value.GetArrayLength() > maxCount)
        {
            Fail(name, $"{name} must be an array of 1 to {maxCount} strings.");
            return [];
        }
        var items = new List<string>();
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || !shape.IsMatch(text))
                Fail($"{name}[{i}]", $"{name}[{i}] must be {rule}.");
            else if (items.Contains(text, StringComparer.Ordinal))
                Fail($"{name}[{i}]", $"{name}[{i}] repeats \"{text}\".");
            else
                items.Add(text);
            i++;
        }
        return items;
    }

    /// <summary>An array of up to <paramref name="maxCount"/> strings of 1 to <paramref name="maxLength"/> characters each.</summary>
    public IReadOnlyList<string> Lines(string name, int maxCount, int maxLength)
    {
        if (Field(name) is not { } value)
            return [];
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxCount)
        {
            Fail(name, $"{name} must be an array of at most {maxCount} strings.");
            return [];
        }
        var items = new List<string>();
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || text.Length == 0 || text.Length > maxLength)
                Fail($"{name}[{i}]", $"{name}[{i}] must be a string of 1 to {maxLength} characters.");
            else
                items.Add(text);
            i++;
        }
        return items;
    }

    /// <summary>An object of up to <paramref name="maxCount"/> string values, keys of the given shape; empty when left out.</summary>
    public IReadOnlyDictionary<string, string> TextMap(string name, Regex keyShape, string keyRule, int maxCount, int maxLength)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Field(name, required: false) is not { } value)
            return map;
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(name, $"{name} must be an object of string values.");
            return map;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (map.Count == maxCount)
            {
                Fail(name, $"{name} must have at most {maxCount} entries.");
                break;
            }
            if (!keyShape.IsMatch(property.Name))
                Fail($"{name}.{property.Name}", $"Each key of {name} must be {keyRule}.");
            else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { } text || text.Length > maxLength)
                Fail($"{name}.{property.Name}", $"{name}.{property.Name} must be a string of at most {maxLength} characters.");
            else
                map[property.Name] = text;
        }
        return map;
    }

    /// <summary>The fields of a nested object, named <c>name.field</c>; null (and an error) when it is missing or not an object.</summary>
    public IngestFields? Object(string name)
    {
        if (Field(name) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(name, $"{name} must be an object.");
            return null;
        }
        return new IngestFields(value, $"{prefix}{name}.", limits, errors);
    }

    [GeneratedRegex(@"^-?[0-9]{1,29}(\.[0-9]{1,28})?$")]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex Letters();
}
