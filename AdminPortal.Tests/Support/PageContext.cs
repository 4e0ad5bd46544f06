using System.Security.Claims;
using AdminPortal.Components.Navigation;
using AdminPortal.Data;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A bUnit context for the portal's pages on the real services and a fresh SQLite database, signed in as an account
/// of one role (its claims made by the portal's own claims factory). Dialogs, snackbars and popovers render in
/// <see cref="PageHost"/> beside the page, as in the layout.
/// </summary>
public sealed class PageContext : IAsyncDisposable
{
    private readonly SignedIn signedIn = new();

    private readonly AsyncServiceScope scope;

    // bUnit waits 1 s by default for a render; with four test threads on two cores a debounced search can take longer.
    static PageContext() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private PageContext(PortalServices portal)
    {
        Portal = portal;
        scope = portal.Services.CreateAsyncScope();
        Bunit = new BunitContext();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = Bunit.Services;
        services.AddMudServices();
        // Options come from the portal, with every feature's configuration, not from empty ones here (the UI libraries' own
        // options keep their defaults).
        foreach (var options in services.Where(d => d.ServiceType.Namespace == typeof(IOptions<>).Namespace).ToList())
        {
            services.Remove(options);
        }
        services.AddSingleton<AuthenticationStateProvider>(signedIn);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddTransient(_ => portal.Get<IAuthorizationService>());
        services.AddTransient(_ => portal.Get<IAuthorizationPolicyProvider>());
        services.AddFallbackServiceProvider(scope.ServiceProvider);
        Bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public BunitContext Bunit { get; }

    public PortalServices Portal { get; }

    public string UserId { get; private set; } = "";

    public string Email { get; private set; } = "";

    public T Get<T>() where T : notnull => Portal.Get<T>();

    /// <summary>A context signed in as a new account of <paramref name="role"/> (null: nobody signed in).</summary>
    public static async Task<PageContext> StartAsync(string? role, params (string Key, string? Value)[] settings)
    {
        var portal = await PortalServices.StartAsync(settings);
        var context = new PageContext(portal);
        if (role is not null)
        {
            await context.SignInAsNewAsync(role);
        }
        return context;
    }

    public async Task SignInAsNewAsync(string role)
    {
        Email = TestAccounts.UniqueEmail(role);
        UserId = await Portal.CreateAccountAsync(Email, role);
        using var scope = Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        signedIn.User = await principals.CreateAsync((await users.FindByIdAsync(UserId))!);
    }

    /// <summary>Renders the page (or dialog) inside the providers the layout has.</summary>
    public IRenderedComponent<PageHost> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        Bunit.Render<PageHost>(host => host.AddChildContent<TComponent>(parameters ?? (_ => { })));

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await scope.DisposeAsync();
        await Portal.DisposeAsync();
    }

    private sealed class SignedIn : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
