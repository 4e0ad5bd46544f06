using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>Nothing stays stuck across a restart: in progress becomes failed (data untouched), enqueued runs.</summary>
[RunsOnPostgreSql]
public sealed class CourseResetRecoveryTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("reset-recovery");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AtStartAResetLeftInProgressFailsAndOneLeftEnqueuedRuns()
    {
        await using (var first = new PortalWebFactory(directory))
        {
            await SeedAsync(first.Services);
            await AddProgressAsync(first.Services, "ada", Running, 4);
            await AddProgressAsync(first.Services, "bob", Running, 3);
            await using var db = await first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var ids = await (from e in db.Enrollments
                             join l in db.Learners on e.LearnerId equals l.Id
                             join c in db.Courses on e.CourseId equals c.Id
                             where c.Key == Running && e.IsActive
                             select new { e.Id, e.LearnerId, e.CourseId, l.Username }).ToListAsync();
            var ada = ids.Single(e => e.Username == "ada");
            var bob = ids.Single(e => e.Username == "bob");
            // Written behind the portal's back, as a crash would leave them: nothing has started the job for these.
            var crashed = new CourseResetAudit(ada.LearnerId, ada.CourseId, ada.Id, "sam@example.org", "Retake", DateTime.UtcNow.AddMinutes(-5));
            crashed.Start(DateTime.UtcNow.AddMinutes(-4));
            db.CourseResetAudits.AddRange(crashed, new CourseResetAudit(bob.LearnerId, bob.CourseId, bob.Id, "sam@example.org", "Retake", DateTime.UtcNow.AddMinutes(-3)));
            await db.SaveChangesAsync();
        }

        await using var second = new PortalWebFactory(directory);
        _ = second.Services;
        await Eventually.WaitForAsync(async () => (await AuditsAsync(second.Services)).FirstOrDefault(a => a.Status == CourseResetStatus.Complete),
            "the enqueued reset to complete");

        var audits = await AuditsAsync(second.Services);
        Assert.Equal([(CourseResetStatus.Failed, CourseResetRecovery.Interrupted), (CourseResetStatus.Complete, null)], audits.Select(a => (a.Status, a.Error)));
        Assert.Null(audits[0].CompletedUtc);
        Assert.Equal((4, 1, 4), await ProgressAsync(second.Services, "ada", Running));
        Assert.Equal((0, 0, 0), await ProgressAsync(second.Services, "bob", Running));
    }
}
