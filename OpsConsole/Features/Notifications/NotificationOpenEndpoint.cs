using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OpsConsole.Features.Notifications;

/// <summary>
/// <c>GET /notifications/{id}/open</c>: marks the signed-in user's notification read and goes to its subject, so the
/// bell's entries are plain links. Only paths inside the console are followed.
/// </summary>
static class NotificationOpenEndpoint
{
    public static void MapNotificationOpen(this IEndpointRouteBuilder app) =>
        app.MapGet("/notifications/{id:guid}/open", OpenAsync).RequireAuthorization();

    static async Task<Results<RedirectHttpResult, NotFound>> OpenAsync(Guid id, ClaimsPrincipal user, INotificationInbox inbox, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || await inbox.OpenAsync(id, userId, ct) is not { } link)
            return TypedResults.NotFound();
        return TypedResults.LocalRedirect(LocalPath(link));
    }

    /// <summary>The path of the link when it is absolute (email links are), "/" when it leads anywhere unexpected.</summary>
    public static string LocalPath(string link)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri.PathAndQuery + uri.Fragment;
        return link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
            ? link
            : "/";
    }
}
