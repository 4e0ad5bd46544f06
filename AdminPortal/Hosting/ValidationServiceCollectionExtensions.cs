using FluentValidation;

namespace AdminPortal.Hosting;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Every FluentValidation validator of the portal, as <c>IValidator&lt;T&gt;</c>: the page, the API and the command line of
    /// a feature take the same one. Validators hold no state, so one instance serves every request.
    /// </summary>
    public static WebApplicationBuilder AddPortalValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
