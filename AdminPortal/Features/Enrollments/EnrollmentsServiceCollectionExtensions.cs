namespace AdminPortal.Features.Enrollments;

public static class EnrollmentsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalEnrollments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EnrollmentService>();
        return builder;
    }
}
