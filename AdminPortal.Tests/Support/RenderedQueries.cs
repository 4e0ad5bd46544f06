using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Support;

/// <summary>Finds controls in rendered markup as a person does: by their label, their text or their accessible name.</summary>
public static class RenderedQueries
{
    /// <summary>The input a &lt;label&gt; with exactly this text points at or holds.</summary>
    public static IElement Input<T>(this IRenderedComponent<T> rendered, string label)
        where T : IComponent
    {
        var labels = rendered.FindAll("label").Where(l => l.TextContent.Trim() == label).ToList();
        Assert.True(labels.Count == 1, $"Expected one label \"{label}\", found {labels.Count}.");
        // A label points at its input (for=id) or holds it (a check box).
        return labels[0].GetAttribute("for") is { } id ? rendered.Find($"#{id}") : labels[0].QuerySelector("input")!;
    }

    /// <summary>The button whose aria-label, or else whose text, is exactly this.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> rendered, string name)
        where T : IComponent
    {
        var buttons = rendered.FindAll("button").Where(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name).ToList();
        Assert.True(buttons.Count == 1, $"Expected one button \"{name}\", found {buttons.Count}.");
        return buttons[0];
    }

    public static bool HasButton<T>(this IRenderedComponent<T> rendered, string name)
        where T : IComponent =>
        rendered.FindAll("button").Any(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    /// <summary>The open dialog (a MudDialog renders role=dialog with its title as the accessible name).</summary>
    public static IElement Dialog<T>(this IRenderedComponent<T> rendered)
        where T : IComponent => rendered.Find("[role=dialog]");

    /// <summary>Types into a field that updates when it is left (a form field).</summary>
    public static Task FillAsync(this IElement input, string value) => input.ChangeAsync(new ChangeEventArgs { Value = value });

    /// <summary>Types into a field that reacts as it is typed in (a search box).</summary>
    public static Task TypeAsync(this IElement input, string value) => input.InputAsync(new ChangeEventArgs { Value = value });

    public static Task ClickAsync(this IElement element) => element.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

    /// <summary>
    /// Clicks without waiting for the handler to finish: a button that opens a dialog awaits the dialog's result, so its
    /// handler ends only when the dialog closes. Check what follows with WaitForAssertion.
    /// </summary>
    public static void Press(this IElement element) => _ = element.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
}
