using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Identity;

/// <summary><c>--create-admin &lt;email&gt;</c>: a first (or recovered) Admin without demo data; the process then exits.</summary>
public sealed class CreateAdminCommand(IServiceProvider services) : IStartupCommand
{
    public const string Switch = "--create-admin";
    public const int Ok = 0;
    public const int Usage = 2;

    /// <summary>True when the switch is present; <paramref name="email"/> is what follows it, or empty.</summary>
    public static bool IsRequested(IReadOnlyList<string> args, out string email)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Switch)
            {
                email = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : "";
                return true;
            }
            if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal))
            {
                email = args[i][(Switch.Length + 1)..];
                return true;
            }
        }
        email = "";
        return false;
    }

    bool IStartupCommand.IsRequested(IReadOnlyList<string> args) => IsRequested(args, out _);

    /// <summary>The password comes from the environment, else the terminal without echo, else it is generated.</summary>
    Task<int> IStartupCommand.RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        IsRequested(args, out var email);
        return RunAsync(services, email,
            () => AdminPassword.Obtain(Environment.GetEnvironmentVariable, !Console.IsInputRedirected, AdminPassword.ReadHidden),
            Console.Out, Console.Error, ct);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string email, Func<AdminPassword?> password,
        TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        email = UserInput.NormalizeEmail(email);
        if (!UserInput.IsEmail(email))
        {
            error.WriteLine(email.Length == 0
                ? $"{Switch} needs the new Admin's email address, as in: {Switch} admin@example.com"
                : $"{Switch}: '{email}' is not a valid email address.");
            return Usage;
        }
        if (password() is not { } chosen)
        {
            error.WriteLine($"{Switch}: the two passwords did not match; nothing was changed.");
            return Usage;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdminAsync(email, chosen.Value, ct);
        if (!result.Succeeded)
        {
            error.WriteLine($"{Switch}: {email} was not changed. {result.Summary}");
            return Usage;
        }
        output.WriteLine($"{email} is an active Admin and can sign in at /login.");
        if (chosen.Generated)
            output.WriteLine($"Generated password, shown only this once: {chosen.Value}" + Environment.NewLine +
                $"Keep it somewhere safe, and replace it by running {Switch} {email} again with {AdminPassword.Variable} set.");
        return Ok;
    }
}
