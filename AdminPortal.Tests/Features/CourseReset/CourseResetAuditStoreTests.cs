using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>What the database itself guarantees about resets, whatever a service checked before.</summary>
[RunsOnPostgreSql]
public sealed class CourseResetAuditStoreTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private Enrollment bob = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await SeedAsync(portal.Services);
        await using var db = await ContextAsync();
        bob = await db.Enrollments.SingleAsync(e => db.Learners.Any(l => l.Id == e.LearnerId && l.Username == "bob") && db.Courses.Any(c => c.Id == e.CourseId && c.Key == Running));
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<PortalDbContext> ContextAsync() => portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private CourseResetAudit NewAudit() => new(bob.LearnerId, bob.CourseId, bob.Id, "sam@example.org", "Retake", Now.UtcDateTime);

    [Fact]
    public async Task ASecondLiveResetOfTheSameLearnerAndCourseIsRefusedAFailedOneIsNot()
    {
        await using var db = await ContextAsync();
        var first = NewAudit();
        db.CourseResetAudits.Add(first);
        await db.SaveChangesAsync();

        db.CourseResetAudits.Add(NewAudit());
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        (await db.CourseResetAudits.SingleAsync(a => a.Id == first.Id)).Fail("gave up", Now.UtcDateTime);
        db.CourseResetAudits.Add(NewAudit());
        await db.SaveChangesAsync();
        Assert.Equal([CourseResetStatus.Failed, CourseResetStatus.Enqueued], (await AuditsAsync(portal.Services)).Select(a => a.Status));
    }

    [Fact]
    public async Task AStaleMarkFailedCannotOverwriteACompletedReset()
    {
        var audit = NewAudit();
        audit.Start(Now.UtcDateTime);
        await using (var setup = await ContextAsync())
        {
            setup.CourseResetAudits.Add(audit);
            await setup.SaveChangesAsync();
        }
        await using var superuser = await ContextAsync();
        var seenBySuperuser = await superuser.CourseResetAudits.SingleAsync(a => a.Id == audit.Id);
        await using (var job = await ContextAsync())
        {
            var running = await job.CourseResetAudits.SingleAsync(a => a.Id == audit.Id);
            running.Complete(Now.UtcDateTime);
            await job.SaveChangesAsync();
        }

        seenBySuperuser.Fail("stuck", Now.UtcDateTime);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => superuser.SaveChangesAsync());
        Assert.Equal(CourseResetStatus.Complete, (await AuditsAsync(portal.Services)).Single().Status);
    }
}
