namespace AdminPortal.Features.Highlights;

public static class HighlightsServiceCollectionExtensions
{
    /// <summary>The section highlights editor, which course authors use on their assigned courses.</summary>
    public static WebApplicationBuilder AddPortalHighlights(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HighlightsService>();
        return builder;
    }
}
