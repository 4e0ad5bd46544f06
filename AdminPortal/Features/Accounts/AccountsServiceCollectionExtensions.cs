using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Components.Layout;
using AdminPortal.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "portal.auth";
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = AccountPaths.Login;
            cookie.LogoutPath = AccountPaths.Logout;
            cookie.AccessDeniedPath = AccountPaths.AccessDenied;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = ApiAwareRedirect.ToLogin;
            cookie.Events.OnRedirectToAccessDenied = ApiAwareRedirect.ToAccessDenied;
        });
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountsOptions>, DatabaseTicketStore>((cookie, accounts, sessions) =>
            {
                cookie.ExpireTimeSpan = TimeSpan.FromHours(accounts.Value.SessionHours);
                cookie.SessionStore = sessions;
            });
        // Role changes and disabled accounts reach open sessions within a minute, not the default half hour.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountsOptions>>((stamp, accounts) =>
            stamp.ValidationInterval = TimeSpan.FromSeconds(accounts.Value.RecheckSeconds));

        var authorization = services.AddAuthorizationBuilder();
        foreach (var policy in PortalPolicies.All)
        {
            authorization.AddPolicy(policy.Name, p => p.RequireAuthenticatedUser().RequireRole(policy.Roles));
        }
        authorization.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().RequireRole(PortalPolicies.SignedIn.Roles).Build());

        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsPrincipalFactory>();
        services.AddLayoutHeaderItem<CurrentUserBadge>();
        services.AddSingleton<IThemePreferences, AccountThemePreferences>();
        services.AddSingleton<AccountCreator>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<SetupCodeAttempts>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<CourseAssignmentService>();
        services.AddSingleton<ActorEmails>();
        services.AddScoped<SignInService>();
        services.AddScoped<DecoyPassword>();
        services.AddStartupStep<AccountsStartupStep>();
        return builder;
    }

    public static WebApplication MapPortalAccounts(this WebApplication app)
    {
        app.MapPost(AccountPaths.Logout, async (HttpContext context, IAntiforgery antiforgery, SignInService signIn) =>
        {
            // The form's token proves the request came from the portal's own page: no other site can sign a user out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The sign-out form has expired: reload the page and sign out again.");
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AccountPaths.Login);
        }).RequireAuthorization(PolicyNames.SignedIn);
        return app;
    }

    public static WebApplication UseFirstRunSetup(this WebApplication app)
    {
        app.UseMiddleware<FirstRunSetupMiddleware>();
        return app;
    }
}
