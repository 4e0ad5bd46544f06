using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Messaging;

[RunsOnPostgreSql]
public sealed class OpenTrackingTests : IDisposable
{
    private readonly PortalWebFactory portal = new();

    public void Dispose() => portal.Dispose();

    private T Get<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task ThePixelRecordsTheFirstOpenAndAnswersAGifToAnyone()
    {
        var site = (await Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin)).Site.Id;
        await Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await Get<ScheduleConfigService>().SaveAsync(site, ScheduleConfig.Off with { CreateSchedules = true, EnqueueRecurringNudge = true }, 0, PortalServices.Admin);
        await Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent("ada", "ada@example.org", null, "course-v1:MITx+6.00x+2026_T1", "audit",
            new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc)));
        await Get<MessagingRunner>().RunAsync(new MessagingRequest(MessageKind.RecurringNudge, new DateOnly(2026, 3, 5), JobStart.Cli), null, CancellationToken.None);
        await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var message = await db.OutboxMessages.SingleAsync();
        var client = portal.CreateClient();

        var first = await client.GetAsync($"/api/messages/{message.Uuid}/open.gif");
        var opened = await db.OutboxMessages.AsNoTracking().Select(m => m.OpenedUtc).SingleAsync();
        await client.GetAsync($"/api/messages/{message.Uuid}/open.gif");
        var unknown = await client.GetAsync($"/api/messages/{Guid.NewGuid()}/open.gif");

        Assert.Equal(("image/gif", "image/gif"), (first.Content.Headers.ContentType?.MediaType, unknown.Content.Headers.ContentType?.MediaType));
        Assert.True(unknown.IsSuccessStatusCode);
        Assert.NotNull(opened);
        Assert.Equal(opened, await db.OutboxMessages.AsNoTracking().Select(m => m.OpenedUtc).SingleAsync());
        Assert.Contains($"/api/messages/{message.Uuid:D}/open.gif", message.HtmlBody);
    }
}
