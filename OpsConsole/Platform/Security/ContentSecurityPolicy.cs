using System.Security.Cryptography;

namespace OpsConsole.Platform.Security;

/// <summary>
/// The Content-Security-Policy of every response. Scripts come only from the console itself ('self': blazor.web.js,
/// MudBlazor.min.js), plus an inline script only when it carries this response's nonce (the import map Blazor writes
/// into the page); never 'unsafe-inline' or 'unsafe-eval'. Styles allow inline because MudBlazor sets style attributes
/// and Blazor's reconnect dialog adds a style element; an inline style cannot run code.
/// </summary>
public static class ContentSecurityPolicy
{
    const string NonceItem = "ops.csp-nonce";

    /// <summary>This response's nonce for an inline script, made on first use.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
            // Hex, so the attribute Razor writes is the same text as the header: '+' and '/' would be HTML-encoded there.
            context.Items[NonceItem] = nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return nonce;
    }

    public static string For(HttpContext context) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{Nonce(context)}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
}
