using Microsoft.Extensions.DependencyInjection;
namespace AdminPortal.Tests.Support;

public static class TestData
{
    /// <summary>The example import files under TestData/Import, which the README documents.</summary>
    public static string ImportFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Import", name);

    /// <summary>Writes a CSV file for one test into its own folder.</summary>
    public static string WriteCsv(string directory, string name, params string[] lines)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}

public static class TestCourses
{
    /// <summary>The example courses.csv, with the site it names, imported for real (and checked).</summary>
    public static async Task ImportAsync(IServiceProvider services)
    {
        await services.GetRequiredService<AdminPortal.Features.Sites.SiteService>()
            .SetAsync(new AdminPortal.Features.Sites.SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin);
        var result = await services.GetRequiredService<AdminPortal.Features.Import.ImportService>()
            .ImportAsync(AdminPortal.Features.Import.ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        Assert.True(result.Succeeded, result.Summary);
    }
}
