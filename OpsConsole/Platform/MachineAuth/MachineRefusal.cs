namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// The answers to a refused machine request, problem+json naming the header or check at fault: the scheme's challenge and
/// forbid, and a replay found by an endpoint's write (<see cref="SignatureRecordedWithWrite"/>), which reads the same as
/// one refused up front.
/// </summary>
static class MachineRefusal
{
    public static IResult Unauthorized(string check, string detail, string? stringToSign) =>
        new Challenge(Problem(StatusCodes.Status401Unauthorized, "The request is not signed by a known machine client", check, detail, stringToSign));

    public static IResult Forbidden(string title, string check, string detail) =>
        Problem(StatusCodes.Status403Forbidden, title, check, detail, null);

    public static IResult Replay() => Unauthorized(MachineReplayGuard.Check, MachineReplayGuard.Detail, null);

    static IResult Problem(int status, string title, string check, string detail, string? stringToSign)
    {
        var extensions = new Dictionary<string, object?> { ["check"] = check };
        if (stringToSign is not null)
            extensions["stringToSign"] = stringToSign;
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>A 401 names the scheme that would accept the request.</summary>
    sealed class Challenge(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = MachineHmacHandler.SchemeName;
            return problem.ExecuteAsync(httpContext);
        }
    }
}
