using AdminPortal.Email;

namespace AdminPortal.Features.CourseReset;

/// <summary>What the learner is told once the reset committed: the subject Open edX uses, the course and where to start again.</summary>
public sealed record CourseResetNotice(string PlatformName, string LearnerName, string CourseName, string CourseUrl)
{
    public const string MessageName = "courseresetcomplete";

    public string Subject => $"The course {CourseName} has been reset !";

    public static CourseResetNotice For(EmailOptions options, string learnerName, string courseKey, string courseName) =>
        new(options.PlatformName, learnerName, courseName, $"{options.LmsRootUrl.TrimEnd('/')}/courses/{Uri.EscapeDataString(courseKey)}/course/");

    public string Text =>
        $"Hi {LearnerName},\n\nYour progress in {CourseName} has been reset, as you asked our support team, so you can take the course " +
        $"again from the start.\n\nStart again: {CourseUrl}\n\nYou get this email because your progress in a course on {PlatformName} was reset.\n";

    public async Task<OutgoingEmail> RenderAsync(EmailTemplates templates, string recipient)
    {
        var html = await templates.RenderAsync<CourseResetEmail>(new Dictionary<string, object?> { [nameof(CourseResetEmail.Model)] = this });
        var uuid = Guid.NewGuid();
        return new OutgoingEmail(recipient, Subject, html, Text, MessageName, uuid, uuid);
    }
}
