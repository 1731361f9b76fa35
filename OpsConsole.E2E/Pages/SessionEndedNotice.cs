using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>What an open page shows once its session has ended elsewhere: why, and a way back to sign in.</summary>
public sealed class SessionEndedNotice(IPage page)
{
    /// <summary>Open circuits check their session at once on a change and every 15 s regardless: well inside this.</summary>
    public static readonly float Patience = 30_000;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Your session has ended" });
    public ILocator SignInAgain => page.GetByRole(AriaRole.Button, new() { Name = "Sign in again" });
    public ILocator Notice => page.GetByTestId("session-ended");
}
