using AdminPortal.Email;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Features.CourseReset;

[RunsOnPostgreSql]
public sealed class CourseResetNoticeTests
{
    [Fact]
    public async Task TheNoticeNamesTheCourseAndEncodesWhatLearnersAndAuthorsWrote()
    {
        await using var portal = await PortalServices.StartAsync(("Messaging:PlatformName", "Open <Learning>"), ("Lms:RootUrl", "https://lms.example.org/"));
        var notice = CourseResetNotice.For(portal.Get<IOptions<EmailOptions>>().Value, "<b>Bob</b>", "course-v1:MITx+Run+2026", "C# & <Basics>");

        var email = await notice.RenderAsync(portal.Get<EmailTemplates>(), "bob@example.org");

        Assert.Equal(("bob@example.org", "The course C# & <Basics> has been reset !", "courseresetcomplete"), (email.Recipient, email.Subject, email.MessageName));
        Assert.Contains("Hi &lt;b&gt;Bob&lt;/b&gt;,", email.Html);
        Assert.Contains("<strong>C# &amp; &lt;Basics&gt;</strong>", email.Html);
        Assert.Contains("Open &lt;Learning&gt;", email.Html);
        Assert.DoesNotContain("<b>Bob", email.Html);
        Assert.Contains("href=\"https://lms.example.org/courses/course-v1%3AMITx%2BRun%2B2026/course/\"", email.Html);
        Assert.Contains("Start again: https://lms.example.org/courses/course-v1%3AMITx%2BRun%2B2026/course/", email.Text);
    }
}
