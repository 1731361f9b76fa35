using Microsoft.AspNetCore.Http.Features;

namespace OpsConsole.Platform.Security;

/// <summary>
/// Every request body is limited to <see cref="MaxBytes"/>, checked before anything reads it (the sign-in form, a
/// machine client's signature): a larger one is refused with 413 and a problem naming the limit. A body sent without a
/// length is cut off at the limit as it is read, with the same answer.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>1 MiB: the largest signed request a machine client may send, and far above any form of the console.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await RefuseAsync(context, $"The request body is {context.Request.ContentLength} bytes; the limit is {Limit}.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBytes;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, $"The request body goes on past the limit of {Limit}.");
        }
    });

    /// <summary>Thrown by a reader that counts the body itself and finds more than the limit.</summary>
    public static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);

    static readonly string Limit = $"{MaxBytes} bytes (1 MiB)";

    static Task RefuseAsync(HttpContext context, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large", extensions: new Dictionary<string, object?> { ["check"] = "body", ["limit"] = MaxBytes })
            .ExecuteAsync(context);
}
