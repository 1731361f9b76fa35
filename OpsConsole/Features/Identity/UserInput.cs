using System.Net.Mail;
using Microsoft.AspNetCore.Identity;

namespace OpsConsole.Features.Identity;

/// <summary>Checks of what an Admin or the command line enters about a user; each error names its field.</summary>
static class UserInput
{
    public const string EmailField = nameof(NewUser.Email);
    public const string DisplayNameField = nameof(NewUser.DisplayName);
    public const string PasswordField = nameof(NewUser.Password);
    public const string RolesField = nameof(NewUser.Roles);
    public const string DepartmentsField = nameof(NewUser.Departments);
    const int MaxDisplayName = 200;

    // Emails are the sign-in name and the audit subject, so one spelling per person.
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static bool IsEmail(string email) =>
        email.Length <= 256 && !email.Any(char.IsWhiteSpace) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    public static IEnumerable<UserChangeError> CheckEmail(string email)
    {
        if (email.Length == 0)
            yield return new(EmailField, "Email is required.");
        else if (!IsEmail(email))
            yield return new(EmailField, $"Email '{email}' is not a valid address.");
    }

    public static IEnumerable<UserChangeError> CheckDisplayName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            yield return new(DisplayNameField, "Display name is required.");
        else if (name.Length > MaxDisplayName)
            yield return new(DisplayNameField, $"Display name must be at most {MaxDisplayName} characters.");
    }

    public static IEnumerable<UserChangeError> CheckRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0)
            yield return new(RolesField, "Choose at least one role; to take all access away, disable the user.");
        foreach (var unknown in roles.Except(Roles.All))
            yield return new(RolesField, $"Role '{unknown}' does not exist; the roles are {string.Join(", ", Roles.All)}.");
    }

    public static async Task<IReadOnlyList<UserChangeError>> CheckPasswordAsync(UserManager<OpsUser> users, OpsUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return [new(PasswordField, "Password is required.")];
        var errors = new List<UserChangeError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange(FromIdentity(await validator.ValidateAsync(users, user, password)));
        return errors;
    }

    /// <summary>Identity's own messages already name the rule; the code tells which field broke it.</summary>
    public static IEnumerable<UserChangeError> FromIdentity(IdentityResult result) =>
        result.Errors.Select(e => new UserChangeError(FieldOf(e.Code), e.Description));

    static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? PasswordField
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? EmailField
        : code.Contains("Role", StringComparison.Ordinal) ? RolesField
        : "";
}
