namespace OpsConsole.Features.Identity;

/// <summary>A user change either applied, or refused with every reason found, each naming its field.</summary>
public sealed class UserChangeResult
{
    public static readonly UserChangeResult Done = new([]);

    UserChangeResult(IReadOnlyList<UserChangeError> errors) => Errors = errors;

    public IReadOnlyList<UserChangeError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static UserChangeResult Refused(IReadOnlyList<UserChangeError> errors) => new(errors);
    public static UserChangeResult Refused(string field, string message) => new([new UserChangeError(field, message)]);

    /// <summary>The messages for one field joined into a line, or null when that field is fine.</summary>
    public string? ErrorFor(string field) =>
        Errors.Where(e => e.Field == field).Select(e => e.Message).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    /// <summary>All reasons in one line, for a snackbar or a terminal.</summary>
    public string Summary => string.Join(" ", Errors.Select(e => e.Message));
}
