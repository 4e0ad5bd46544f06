using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Processes;
using AdminPortal.Hosting.Processes;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Tests.Features.SystemStatus;

[RunsOnPostgreSql]
public sealed class SystemStatusServiceTests
{
    [Fact]
    public async Task StaffReadsTheStatusOfAMigratedDatabase()
    {
        await using var portal = await PortalServices.StartAsync();

        var report = await portal.Get<SystemStatusService>().GetAsync(new PortalActor("x", "Stella", [PortalRoles.Staff]));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("database", Assert.Single(report.Checks).Name);
        Assert.Empty(report.PendingMigrations);
        Assert.True(report.AppliedMigrations >= 1);
        Assert.Null(report.DatabaseFile);
    }

    [Fact]
    public async Task TheReportListsTheLiveProcessesOnTheDatabaseAndWhetherTheJobsAreClustered()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var portal = await PortalServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        await portal.Get<ThisProcess>().OwnerIdAsync(CancellationToken.None);
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.PortalProcesses.Add(new PortalProcess(Guid.NewGuid(), "gone-host", 4242, "web server", clock.GetUtcNow().UtcDateTime.AddMinutes(-10)));
            await db.SaveChangesAsync();
        }

        var report = await portal.Get<SystemStatusService>().GetAsync(new PortalActor("x", "Stella", [PortalRoles.Staff]));

        var process = Assert.Single(report.Processes);
        Assert.Equal((Environment.MachineName, Environment.ProcessId), (process.Host, process.ProcessId));
        Assert.Equal(TestDatabase.ForThisTest != DatabaseProvider.Sqlite, report.ClusteredJobs);
    }

    [Fact]
    [SqliteOnly("a SQLite file has a path to show")]
    public async Task OnlyASuperuserReadsTheDatabaseFilesPath()
    {
        await using var portal = await PortalServices.StartAsync();

        var report = await portal.Get<SystemStatusService>().GetAsync(new PortalActor("x", "Sam", [PortalRoles.Superuser]));

        Assert.Equal(portal.DatabaseFile, report.DatabaseFile);
    }

    [Theory]
    [InlineData(PortalRoles.Support)]
    [InlineData(PortalRoles.CourseAuthor)]
    public async Task OtherRolesAreRefused(string role)
    {
        await using var portal = await PortalServices.StartAsync();

        await Assert.ThrowsAsync<PortalForbiddenException>(() =>
            portal.Get<SystemStatusService>().GetAsync(new PortalActor("x", "someone", [role])));
    }
}
