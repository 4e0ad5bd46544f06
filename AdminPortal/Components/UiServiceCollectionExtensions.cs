using AdminPortal.Components.Navigation;
using Microsoft.AspNetCore.Authorization;
using MudBlazor.Services;

namespace AdminPortal.Components;

public static class UiServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<CurrentActor>();
        return builder;
    }

    public static WebApplication UsePortalUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(endpoint =>
            {
                // Pages name their own policy; the framework's script must load on the login page too, past the fallback policy.
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.Contains("_framework/", StringComparison.Ordinal))
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
            });
        return app;
    }
}
