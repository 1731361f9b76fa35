using Bunit;
using Microsoft.AspNetCore.Components;

namespace OpsConsole.Tests.Components;

/// <summary>Finds what a person works with in a MudBlazor form dialog: a button by its text, a field by its label, and the
/// problems shown under the fields. Each call queries afresh, so no reference outlives a render.</summary>
static class DialogFields
{
    public static AngleSharp.Dom.IElement Button(IRenderedComponent<IComponent> page, string text, string scope = "") =>
        page.FindAll($"{scope} button".Trim()).First(b => b.TextContent.Trim() == text);

    // MudBlazor ties a field's label to its input by id; a required field's label ends in an asterisk.
    public static AngleSharp.Dom.IElement Input(IRenderedComponent<IComponent> page, string label) =>
        page.Find("#" + page.FindAll(".mud-dialog label").Single(l => l.TextContent.Trim().TrimEnd('*').Trim() == label).GetAttribute("for"));

    public static List<string> Errors(IRenderedComponent<IComponent> page) =>
        [.. page.FindAll(".mud-dialog .mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];
}
