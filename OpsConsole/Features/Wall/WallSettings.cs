using System.Security.Cryptography;
using System.Text;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Wall;

/// <summary>Wall:Token, the read-only token a TV opens the wall with (<c>/wall?token=…</c>); empty turns it off, and
/// then only people who sign in see the wall.</summary>
public sealed class WallSettings : ICheckedSettings
{
    public const string Section = "Wall";
    public const string TokenSetting = Section + ":Token";
    public const int MinTokenLength = 32;

    public string Token { get; private set; } = "";

    public bool TokenEnabled => Token.Length > 0;

    /// <summary>What a wall cookie remembers of the token that opened it: a digest, so a new token lets every display
    /// opened with the old one go, and the cookie never holds the token itself.</summary>
    public string TokenFingerprint => TokenEnabled
        ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("opsconsole-wall:" + Token)))[..32]
        : "";

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        Token = config[TokenSetting] ?? "";
        if (Token.Length == 0)
            return;
        // The messages name the setting and never show the token.
        if (Token.Length < MinTokenLength)
            Problems.Add($"{TokenSetting} must be at least {MinTokenLength} characters (or empty to turn the wall token off)");
        else if (!Token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))
            Problems.Add($"{TokenSetting} may hold only letters, digits, '-', '_', '.' and '~', since it is written into a link");
    }
}
