using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AdminPortal.Email;

/// <summary>Renders Razor email templates to HTML with <see cref="HtmlRenderer"/>, which HTML-encodes every value.</summary>
public sealed class EmailTemplates(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>One email from its template.</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderManyAsync(render => render(typeof(TComponent), parameters));

    /// <summary>
    /// Many emails with one renderer (a batch's): <paramref name="work"/> is given a function that renders a template with its
    /// parameters, and runs on the renderer's dispatcher.
    /// </summary>
    public async Task<TResult> RenderManyAsync<TResult>(Func<Func<Type, IDictionary<string, object?>, Task<string>>, Task<TResult>> work)
    {
        // A scope of its own: the web host registers some of the renderer's services per circuit.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(() => work(async (template, parameters) =>
            (await renderer.RenderComponentAsync(template, ParameterView.FromDictionary(parameters))).ToHtmlString()));
    }
}
