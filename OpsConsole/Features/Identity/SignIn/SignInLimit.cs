using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.RateLimits;

namespace OpsConsole.Features.Identity.SignIn;

/// <summary>
/// Sign-in attempts (POSTs of the sign-in form) counted per client address, or per account from one client address:
/// guessing from one place is slowed and then refused, while the same account signing in from anywhere else is not
/// held up, so nobody can lock a colleague out by typing wrong passwords for them.
/// </summary>
sealed class SignInLimit(SignInLimit.Per per, IOptions<SignInLimitSettings> options) : IRequestLimit
{
    public enum Per { Address, Account }

    public const string Path = "/login";
    public const string EmailField = "Input.Email";

    const string FormReadItem = "ops.signin.form-read";

    /// <summary>The account is in the posted form, which the partition (it cannot wait) takes from the form read here.</summary>
    public async Task PrepareAsync(HttpContext context)
    {
        if (per != Per.Account || !Counts(context) || !context.Request.HasFormContentType)
            return;
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            context.Items[FormReadItem] = true;
        }
        catch (InvalidDataException)
        {
            // A form that does not parse names no account; it is still counted per address, and the page refuses it.
        }
    }

    public RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!Counts(context))
            return RateLimitPartition.GetNoLimiter("");
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var settings = options.Value;
        return per == Per.Address
            ? RateLimitPartition.Get(address, _ => PacedLimiter.PerMinute(settings.PerAddress))
            : RateLimitPartition.Get($"{address}|{Account(context)}", _ => PacedLimiter.PerMinute(settings.PerAccount));
    }

    public string? Refusal(HttpContext context, TimeSpan retryAfter) => Counts(context)
        ? $"Too many sign-in attempts from here. Wait {Math.Ceiling(retryAfter.TotalSeconds):0} seconds, then try again."
        : null;

    public bool Counts(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    static string Account(HttpContext context) =>
        context.Items[FormReadItem] is true && context.Request.Form.TryGetValue(EmailField, out var email)
            ? email.ToString().Trim().ToUpperInvariant()
            : "";
}
