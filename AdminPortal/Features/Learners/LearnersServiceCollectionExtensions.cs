namespace AdminPortal.Features.Learners;

public static class LearnersServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalLearners(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LearnerBrowser>();
        return builder;
    }
}
