using System.Security.Cryptography;

namespace OpsConsole.Features.Identity;

/// <summary>The first Admin's password: from OPS_ADMIN_PASSWORD, else typed at the terminal, else generated.</summary>
/// <param name="Generated">True when nobody chose it, so it must be shown once.</param>
public sealed record AdminPassword(string Value, bool Generated)
{
    public const string Variable = "OPS_ADMIN_PASSWORD";
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.+=!@#%";
    const int GeneratedLength = 24;

    /// <summary>Null when the terminal answer was not confirmed.</summary>
    public static AdminPassword? Obtain(Func<string, string?> environment, bool terminal, Func<string, string> readHidden)
    {
        if (environment(Variable) is { Length: > 0 } fromEnvironment)
            return new(fromEnvironment, Generated: false);
        if (!terminal)
            return new(Generate(), Generated: true);
        var typed = readHidden("Password for the Admin (leave empty to generate one): ");
        if (typed.Length == 0)
            return new(Generate(), Generated: true);
        return readHidden("Repeat the password: ") == typed ? new(typed, Generated: false) : null;
    }

    /// <summary>24 characters from 66 (about 145 bits), with every character class the password rules may ask for.</summary>
    public static string Generate()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, GeneratedLength);
            if (candidate.Any(char.IsUpper) && candidate.Any(char.IsLower) && candidate.Any(char.IsDigit) && candidate.Any(c => !char.IsLetterOrDigit(c)))
                return candidate;
        }
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    public static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }

    // Keeps the value out of logs and debugger summaries.
    public override string ToString() => $"AdminPassword {{ Generated = {Generated} }}";
}
