using Microsoft.AspNetCore.Identity;

namespace OpsConsole.Features.Identity.SignIn;

/// <summary>
/// Signs a person in with e-mail and password. An unknown e-mail, a wrong password and a disabled or locked account get
/// the same answer after the same work (one password hash), so the answer tells nothing about which accounts exist.
/// Failures never lock an account: the rate limits slow and stop guessing instead (<see cref="SignInLimit"/>).
/// </summary>
public sealed class PasswordSignIn(UserManager<OpsUser> users, SignInManager<OpsUser> signIn, DecoyPassword decoy,
    IHttpContextAccessor http, ILogger<PasswordSignIn> log)
{
    public const string Refusal = "Email or password is not right.";

    /// <summary>True when signed in; the session cookie is then on the response.</summary>
    public async Task<bool> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        var passwordMatches = user is not null ? await users.CheckPasswordAsync(user, password) : decoy.Verify(password);
        if (user is null || !passwordMatches || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // Never the e-mail typed: people type their password into the wrong field.
            log.LogInformation("Sign-in refused from {Address}", http.HttpContext?.Connection.RemoteIpAddress);
            return false;
        }
        await signIn.SignInAsync(user, isPersistent: false);
        log.LogInformation("{User} signed in from {Address}", user.Email, http.HttpContext?.Connection.RemoteIpAddress);
        return true;
    }
}
