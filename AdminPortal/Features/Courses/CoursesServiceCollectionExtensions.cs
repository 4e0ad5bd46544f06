namespace AdminPortal.Features.Courses;

public static class CoursesServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalCourses(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CoursePublishService>();
        builder.Services.AddSingleton<CourseBrowser>();
        return builder;
    }
}
