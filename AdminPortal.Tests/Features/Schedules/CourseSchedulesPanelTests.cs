using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Courses;
using AdminPortal.Features.Schedules;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Features.Schedules;

public sealed class CourseSchedulesPanelTests
{
    private static async Task<(PageContext Context, int CourseId)> StartAsync(string role)
    {
        var context = await PageContext.StartAsync(role);
        await TestCourses.ImportAsync(context.Portal.Services);
        var course = (await context.Get<CourseBrowser>().SearchAsync(new CourseFilter(), new PageRequest(0, 1), PortalServices.Admin)).Items.Single();
        return (context, course.Id);
    }

    [Fact]
    public async Task ASuperuserTurnsScheduleCreationOnForACourse()
    {
        var (context, courseId) = await StartAsync(PortalRoles.Superuser);
        await using var _ = context;
        var page = context.Render<CourseSchedulesPanel>(p => p.Add(x => x.CourseId, courseId));
        page.WaitForAssertion(() => page.Input("Create schedules for this course"));

        await page.Input("Create schedules for this course").ChangeAsync(new ChangeEventArgs { Value = true });
        await page.Button("Save schedule creation").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Saved as version 1.", page.Markup));
        Assert.True((await context.Get<ScheduleConfigService>().CourseOverrideAsync(courseId, PortalServices.Admin)).Values.CreateSchedules);
        Assert.Contains("create_schedules", page.Find("[aria-label='History of schedule creation for this course'] tbody").TextContent);
    }

    [Fact]
    public async Task StaffSeesItReadOnly()
    {
        var (context, courseId) = await StartAsync(PortalRoles.Staff);
        await using var _ = context;

        var page = context.Render<CourseSchedulesPanel>(p => p.Add(x => x.CourseId, courseId));

        page.WaitForAssertion(() => Assert.True(page.Input("Create schedules for this course").HasAttribute("disabled")));
        Assert.Empty(page.FindAll("button"));
        Assert.Contains("Never saved: the defaults are in force.", page.Markup);
    }
}
