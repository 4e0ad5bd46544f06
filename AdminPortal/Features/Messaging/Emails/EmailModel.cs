using System.Globalization;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Text;
using AdminPortal.Email;

namespace AdminPortal.Features.Messaging.Emails;

public sealed record EmailLink(string Text, string Url);

/// <summary>Everything one email shows, built for one recipient: templates read only this.</summary>
public sealed record EmailModel(
    MessageKind Kind,
    string MessageName,
    string Subject,
    string PlatformName,
    string LearnerName,
    IReadOnlyList<EmailLink> Courses,
    int? Week,
    IReadOnlyList<string> Highlights,
    EmailLink? Upgrade,
    DateTime? UpgradeDeadlineUtc,
    EmailLink Dashboard,
    string PixelUrl)
{
    public EmailLink PrimaryCourse => Courses[0];

    public string Deadline => UpgradeDeadlineUtc?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Builds one recipient's model: subject as in Open edX, links with UTM parameters, the upgrade call when it applies.</summary>
public static class EmailComposer
{
    public static EmailModel Compose(ResolvedMessage message, Guid uuid, EmailOptions options)
    {
        var name = message.Target.Type.Name;
        var lms = options.LmsRootUrl.TrimEnd('/');
        string Utm(string url) => $"{url}{(url.Contains('?') ? '&' : '?')}utm_source=schedules&utm_medium=email&utm_campaign={name}" +
            $"&utm_content={uuid:D}&utm_term={Uri.EscapeDataString(message.PrimaryCourse.Key)}";
        var courses = message.Courses.Select(c => new EmailLink(c.Name, Utm($"{lms}/courses/{Uri.EscapeDataString(c.Key)}/course/"))).ToList();
        var upgrade = message.CanUpgrade
            ? new EmailLink("Upgrade now", Utm($"{lms}/verify_student/upgrade/{Uri.EscapeDataString(message.PrimaryCourse.Key)}/"))
            : null;
        return new EmailModel(
            message.Target.Type.Kind, name, Subject(message, options.PlatformName), options.PlatformName,
            string.IsNullOrWhiteSpace(message.LearnerName) ? message.Username : message.LearnerName, courses, message.Target.Week,
            message.Highlights, upgrade, upgrade is null ? null : message.UpgradeDeadlineUtc, new EmailLink("Go to your dashboard", Utm($"{lms}/dashboard")),
            $"{options.TrackingUrl.TrimEnd('/')}/api/messages/{uuid:D}/open.gif");
    }

    /// <summary>As in Open edX, on one line whatever the course's name holds (a header cannot break).</summary>
    public static string Subject(ResolvedMessage message, string platformName)
    {
        var several = message.Courses.Count > 1;
        var course = message.PrimaryCourse.Name;
        return ControlCharacters.OneLine(message.Target.Type.Name switch
        {
            "recurringnudge_day3" => several ? $"Keep learning on {platformName}" : $"Keep learning in {course}",
            "recurringnudge_day10" => "Keep up the momentum!",
            "upgradereminder" => several ? $"Only two days left to upgrade on {platformName} !" : $"Only two days left to upgrade in {course} !",
            _ => $"Welcome to week {message.Target.Week}",
        });
    }
}
