using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace OpsConsole.E2E.Accessibility;

/// <summary>A routable page of the app: its template, and whether it renders statically (no circuit).</summary>
public sealed record AppRoute(string Template, bool IsStatic)
{
    public bool HasParameters => Template.Contains('{');

    public override string ToString() => Template;
}

/// <summary>The app's own route table: every component with an @page directive, read from the app assembly, so a page
/// added later is found without editing a list here.</summary>
public static class AppRoutes
{
    public static IReadOnlyList<AppRoute> All { get; } = typeof(OpsConsole.Components.App).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()
            .Select(r => new AppRoute(r.Template, t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null)))
        .DistinctBy(r => r.Template, StringComparer.OrdinalIgnoreCase)
        .OrderBy(r => r.Template, StringComparer.Ordinal)
        .ToList();

    /// <summary>Whether the page at <paramref name="path"/> renders statically, such as the sign-in page or the 403 page
    /// that a refused visitor is sent to.</summary>
    public static bool IsStatic(string path) => All.Any(r => r.IsStatic && string.Equals(r.Template, path, StringComparison.OrdinalIgnoreCase));
}
