using Microsoft.AspNetCore.Antiforgery;

namespace AdminPortal.Hosting;

/// <summary>
/// The headers every response carries (pages, API, CSV alike) and the cookies' Secure flag. The portal serves all its
/// scripts from its own origin (Blazor's and the UI library's files), so scripts are 'self' only, with no eval: Blazor
/// Server needs none. Styles also allow inline ones: MudBlazor sets style attributes on its components and its theme is a style element (and the email
/// preview's HTML has them).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>Every powerful feature switched off: the portal uses none.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), " +
        "xr-spatial-tracking=()";

    public static WebApplicationBuilder AddPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        // The antiforgery cookie is Secure whenever the request is HTTPS (the sign-in cookie is by default).
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent on HTTPS responses only
        }
        app.Use((context, next) =>
        {
            // When the response starts, so an error page (which clears the headers set so far) carries them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
