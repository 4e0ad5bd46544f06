using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Messaging;

public sealed class MessagePageTests
{
    [Fact]
    public async Task AMessageShowsWhatItIsAndTheEmailInASandboxedFrame()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await MessagingWorld.SeedAsync(context.Portal, 1);
        await MessagingWorld.RunAsync(context.Portal);
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var id = await db.OutboxMessages.Select(m => m.Id).SingleAsync();

        var page = context.Render<MessagePage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Welcome to week 1", page.Find("h1").TextContent));
        Assert.Contains("Course update, week 1, for schedules of 2026-03-02", page.Find("dl.portal-facts").TextContent);
        Assert.Equal("", page.Find("iframe[title='The email as the learner sees it']").GetAttribute("sandbox"));
        Assert.DoesNotContain("/open.gif", page.Find("iframe").GetAttribute("srcdoc"));
    }

    [Fact]
    public async Task AnUnknownMessageSaysSo()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<MessagePage>(p => p.Add(x => x.Id, 999));

        page.WaitForAssertion(() => Assert.Equal("Message not found", page.Find("h1").TextContent));
    }
}
