using Microsoft.AspNetCore.Authentication;

namespace AdminPortal.Features.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (name, scope) in ApiPolicies.All)
        {
            authorization.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthentication.ScopeClaim, scope.ToString()));
        }
        builder.Services.AddSingleton<ApiKeyService>();
        return builder;
    }
}
