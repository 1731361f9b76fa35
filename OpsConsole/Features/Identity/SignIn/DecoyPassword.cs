using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Identity.SignIn;

/// <summary>
/// A password hash that belongs to nobody, made with the same hasher and cost as real ones, so that checking a password
/// for an e-mail no account has costs what checking a real account's costs. Made when the first sign-in form is posted,
/// whichever e-mail it names, so that cost tells nothing either.
/// </summary>
public sealed class DecoyPassword
{
    static readonly OpsUser Nobody = new();
    readonly PasswordHasher<OpsUser> hasher;
    readonly string hash;

    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<OpsUser>(options);
        hash = hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
    }

    /// <summary>Hashes the password against the decoy; in effect always false.</summary>
    public bool Verify(string password) => hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed;
}
