using Microsoft.AspNetCore.Components;

namespace AdminPortal.Components.Layout;

/// <summary>What features put in every page's frame: items in the header (the signed-in user) and banners above the content.</summary>
public sealed class PortalLayoutOptions
{
    public List<Type> HeaderItems { get; } = [];

    public List<Type> Banners { get; } = [];
}

public static class PortalLayoutServiceCollectionExtensions
{
    /// <summary>A component shown at the right of every page's header, in the order added.</summary>
    public static IServiceCollection AddLayoutHeaderItem<TComponent>(this IServiceCollection services) where TComponent : IComponent =>
        services.Configure<PortalLayoutOptions>(layout => layout.HeaderItems.Add(typeof(TComponent)));

    /// <summary>A component shown above every page's content; it decides itself whether it has something to say.</summary>
    public static IServiceCollection AddLayoutBanner<TComponent>(this IServiceCollection services) where TComponent : IComponent =>
        services.Configure<PortalLayoutOptions>(layout => layout.Banners.Add(typeof(TComponent)));
}
