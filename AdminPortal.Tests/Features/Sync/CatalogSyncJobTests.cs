using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Sync;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static AdminPortal.Tests.Support.CatalogServer;

namespace AdminPortal.Tests.Features.Sync;

/// <summary>The catalog sync against a real catalog server on 127.0.0.1 serving paginated JSON.</summary>
[RunsOnPostgreSql]
public sealed class CatalogSyncJobTests : IAsyncLifetime
{
    private const string Mit = "course-v1:MITx+6.00x+2026_T1";
    private const string Harvard = "course-v1:HarvardX+CS50+2026";
    private CatalogServer catalog = default!;
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        catalog = await CatalogServer.StartAsync();
        catalog.Pages.AddRange(
        [
            [Run(Mit, "https://www.example.org/learn/6.00x", "fr"), Run("course-v1:MITx+Gone+2020")],
            [Run(Harvard, financialAid: true)],
            [Run("course-v1:Other+X+1", "https://other.example.org")],
        ]);
        // Patient enough for a machine busy with the other tests; the timeout's own test is impatient.
        portal = await StartPortalAsync(timeoutSeconds: 10);
    }

    private async Task<PortalServices> StartPortalAsync(int timeoutSeconds)
    {
        var started = await PortalServices.StartAsync(("Sync:Catalog:RetryDelaySeconds", "0.01"), ("Sync:Catalog:TimeoutSeconds", $"{timeoutSeconds}"));
        await TestCourses.ImportAsync(started.Services);
        var saved = await started.Get<CatalogSettingsService>().SaveAsync(new CatalogSettingsRequest(catalog.BaseUrl, 2, true, "s3cret-token", false), PortalServices.Admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return started;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await catalog.DisposeAsync();
    }

    private Task<JobRun> SyncAsync() =>
        portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(CatalogSyncJob.Name)!, JobStart.Cli, CancellationToken.None);

    private async Task<(string? MarketingUrl, string Language, bool FinancialAid)> CourseAsync(string key)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var course = await db.Courses.IgnoreAutoIncludes().Where(c => c.Key == key).Select(c => new { c.MarketingUrl, c.Language, c.FinancialAidEnabled }).SingleAsync();
        return (course.MarketingUrl, course.Language, course.FinancialAidEnabled);
    }

    private static IReadOnlyDictionary<string, long> Counts(JobRun run) => run.Counts;

    [Fact]
    public async Task ASyncFollowsEveryPageAndUpdatesOnlyWhatChangedThenASecondRunUpdatesNothing()
    {
        var first = await SyncAsync();
        var second = await SyncAsync();

        Assert.Equal(JobRunStatus.Succeeded, first.Status);
        Assert.Equal(new Dictionary<string, long> { ["pages"] = 3, ["found"] = 4, ["matched"] = 2, ["not-found"] = 2, ["updated"] = 2 }, Counts(first));
        Assert.Equal(("https://www.example.org/learn/6.00x", "fr", true), await CourseAsync(Mit));
        Assert.Equal((null, "en", true), await CourseAsync(Harvard));
        Assert.Equal(0, Counts(second)["updated"]);
        Assert.Equal("?page_size=2&exclude_utm=1", catalog.Requests.First());
        Assert.All(catalog.Authorizations, a => Assert.Equal("Bearer s3cret-token", a));
    }

    [Fact]
    public async Task AFieldMissingFromThePayloadKeepsTheStoredValue()
    {
        catalog.Pages.RemoveRange(1, 2);
        catalog.Pages[0] = [Run(Mit, language: "es")];

        await SyncAsync();

        Assert.Equal(("https://www.example.org/course/6.00x", "es", true), await CourseAsync(Mit));
    }

    [Fact]
    public async Task A500OnPage2FailsTheRunNamingThePageAfterRetriesAndClearsNothing()
    {
        catalog.Fault = (_, page) => Task.FromResult<int?>(page == 2 ? 500 : null);

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.StartsWith($"catalog page 2 ({catalog.BaseUrl}/course_runs/?page=2", run.Error);
        Assert.EndsWith("failed: HTTP 500 Internal Server Error", run.Error);
        Assert.Equal(4, catalog.Requests.Count);
        Assert.Equal((null, "en", false), await CourseAsync(Harvard));
        Assert.Equal(("https://www.example.org/learn/6.00x", "fr", true), await CourseAsync(Mit));
    }

    [Fact]
    public async Task AFailureThatPassesIsRetried()
    {
        catalog.Fault = (call, page) => Task.FromResult<int?>(page == 2 && call == 2 ? 503 : null);

        var run = await SyncAsync();

        Assert.Equal((JobRunStatus.Succeeded, 3L), (run.Status, run.Counts["pages"]));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    public async Task AThrottleOrATimeoutAnswerIsRetried(int status)
    {
        catalog.Fault = (call, _) => Task.FromResult<int?>(call == 1 ? status : null);

        var run = await SyncAsync();

        Assert.Equal((JobRunStatus.Succeeded, 3L), (run.Status, run.Counts["pages"]));
        Assert.Equal(4, catalog.Requests.Count);
    }

    [Fact]
    public async Task AnotherClientErrorIsNotRetried()
    {
        catalog.Fault = (_, _) => Task.FromResult<int?>(404);

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.EndsWith("failed: HTTP 404 Not Found", run.Error);
        Assert.Single(catalog.Requests);
    }

    [Fact]
    public async Task ACatalogThatDoesNotAnswerInTimeFailsTheRun()
    {
        await portal.DisposeAsync();
        portal = await StartPortalAsync(timeoutSeconds: 1);
        catalog.Fault = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return null;
        };

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.EndsWith("failed: no answer within 1 s", run.Error);
        Assert.Equal(("https://www.example.org/course/6.00x", "en", true), await CourseAsync(Mit));
    }

    [Fact]
    public async Task ARelativeNextIsFollowedOnTheCatalogsServer()
    {
        catalog.Next = (page, _) => page < 3 ? $"?page={page + 1}&page_size=2&exclude_utm=1" : null;

        var run = await SyncAsync();

        Assert.Equal((JobRunStatus.Succeeded, 3L), (run.Status, run.Counts["pages"]));
    }

    [Fact]
    public async Task ANextToAnotherServerIsRefusedSoTheTokenStaysHome()
    {
        catalog.Next = (_, _) => "https://collector.example.net/course_runs/?page=2";

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Contains("points to another server (collector.example.net)", run.Error);
        Assert.Single(catalog.Requests);
    }

    [Fact]
    public async Task ANextThatLeadsBackEndsTheRunInsteadOfLoopingForEver()
    {
        catalog.Next = (_, _) => $"{catalog.BaseUrl}/course_runs/?page_size=2&exclude_utm=1";

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.StartsWith("catalog page 2", run.Error);
        Assert.EndsWith("leads back to a page already read", run.Error);
    }

    [Fact]
    public async Task TurnedOffItAsksTheCatalogNothing()
    {
        await portal.Get<CatalogSettingsService>().SaveAsync(new CatalogSettingsRequest(catalog.BaseUrl, 2, false, null, false), PortalServices.Admin);

        var run = await SyncAsync();

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Empty(catalog.Requests);
    }

    [Fact]
    [SqliteOnly("reads the stored token through a SQLite connection of its own")]
    public async Task TheTokenIsKeptEncryptedAndNeverShown()
    {
        var view = await portal.Get<CatalogSettingsService>().GetAsync(PortalServices.Admin);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ProtectedToken FROM CatalogSyncSettings";
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.True(view.HasToken);
        Assert.DoesNotContain("s3cret", stored);
    }
}
