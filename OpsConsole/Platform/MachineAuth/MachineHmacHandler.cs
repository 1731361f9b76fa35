using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// The MachineHmac scheme: authenticates requests signed per <see cref="MachineSignature"/> and answers every
/// refusal with problem+json naming the header or check at fault.
/// </summary>
sealed class MachineHmacHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    MachineRequestVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "MachineHmac";
    const string CheckItem = "check";
    const string StringToSignItem = "stringToSign";

    /// <summary>Set by <see cref="MachineScopeRequirement"/> so a 403 can name the scope that was missing.</summary>
    internal const string MissingScopeItem = "ops.machine.missing-scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Without any signature header this is not a machine request; another scheme may still accept it.
        if (!Request.Headers.ContainsKey(MachineSignature.KeyHeader) && !Request.Headers.ContainsKey(MachineSignature.TimestampHeader)
            && !Request.Headers.ContainsKey(MachineSignature.SignatureHeader))
            return AuthenticateResult.NoResult();

        var verdict = await verifier.VerifyAsync(Request, Context.RequestAborted);
        if (!verdict.Accepted)
        {
            var properties = new AuthenticationProperties();
            properties.Items[CheckItem] = verdict.Check;
            properties.Items[StringToSignItem] = verdict.StringToSign;
            return AuthenticateResult.Fail(verdict.Detail!, properties);
        }

        var identity = new ClaimsIdentity(SchemeName, MachineClaims.KeyId, null);
        identity.AddClaim(new Claim(MachineClaims.KeyId, verdict.KeyId));
        identity.AddClaim(new Claim(MachineClaims.Tenant, verdict.Key!.Tenant));
        foreach (var scope in verdict.Key.Scopes)
            identity.AddClaim(new Claim(MachineClaims.Scope, scope));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Another scheme of the policy has already answered (a refused bearer token on /metrics).
        if (Response.HasStarted)
            return;
        var result = await HandleAuthenticateOnceSafeAsync();
        var check = Item(result.Properties, CheckItem) ?? MachineSignature.KeyHeader;
        var detail = result.Failure?.Message ?? $"{MachineSignature.KeyHeader} header is missing: sign the request with "
            + $"{MachineSignature.KeyHeader}, {MachineSignature.TimestampHeader} and {MachineSignature.SignatureHeader}";
        await WriteAsync(check == MachineRequestVerifier.AddressCheck
            ? MachineRefusal.Forbidden("The machine client may not call from this address", check, detail)
            : MachineRefusal.Unauthorized(check, detail, Item(result.Properties, StringToSignItem)));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        // A refusal of a person signed in by cookie is that scheme's to answer.
        if (!result.Succeeded)
            return;
        var keyId = result.Principal.FindFirstValue(MachineClaims.KeyId);
        var detail = Context.Items[MissingScopeItem] is string scope
            ? $"Key '{keyId}' lacks scope '{scope}' (MachineClients:Keys:{keyId}:Scopes)"
            : $"Key '{keyId}' may not use this endpoint";
        await WriteAsync(MachineRefusal.Forbidden("The machine client lacks a scope", "scope", detail));
    }

    static string? Item(AuthenticationProperties? properties, string key) =>
        properties is not null && properties.Items.TryGetValue(key, out var value) ? value : null;

    Task WriteAsync(IResult refusal) => Response.HasStarted ? Task.CompletedTask : refusal.ExecuteAsync(Context);
}
