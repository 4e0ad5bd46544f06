using System.Text;
using AdminPortal.Domain.Messaging;
using AdminPortal.Email;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging.Emails;

/// <summary>One message's email, or the reason it could not be rendered.</summary>
public sealed record RenderResult(RenderedEmail? Email, string? Error);

/// <summary>
/// Renders the messaging emails from their Razor templates (<see cref="EmailTemplates"/>, which HTML-encodes every value), and
/// the plain-text part from the same model. Every recipient gets a model and a component of their own.
/// </summary>
public sealed class EmailRenderer(EmailTemplates templates, ILogger<EmailRenderer> logger, IOptions<EmailOptions> options)
{

    public EmailOptions Options => options.Value;

    /// <returns>Per message, in order, its email, or why it could not be rendered: one bad message never stops the others.</returns>
    public Task<IReadOnlyList<RenderResult>> RenderAsync(IReadOnlyList<(ResolvedMessage Message, Guid Uuid)> messages) =>
        templates.RenderManyAsync(async render =>
        {
            var emails = new List<RenderResult>(messages.Count);
            foreach (var (message, uuid) in messages)
            {
                try
                {
                    var model = EmailComposer.Compose(message, uuid, options.Value);
                    var html = await render(TemplateOf(model.Kind), new Dictionary<string, object?> { [nameof(CourseUpdateEmail.Model)] = model });
                    emails.Add(new RenderResult(new RenderedEmail(model.Subject, html, PlainText(model)), null));
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The {Message} email of message {Uuid} to learner {LearnerId} could not be rendered", message.Target.Type.Name, uuid, message.LearnerId);
                    emails.Add(new RenderResult(null, e.Message));
                }
            }
            return (IReadOnlyList<RenderResult>)emails;
        });

    private static Type TemplateOf(MessageKind kind) => kind switch
    {
        MessageKind.RecurringNudge => typeof(RecurringNudgeEmail),
        MessageKind.UpgradeReminder => typeof(UpgradeReminderEmail),
        _ => typeof(CourseUpdateEmail),
    };

    /// <summary>The text part: the same content, for clients that show no HTML.</summary>
    public static string PlainText(EmailModel model)
    {
        var text = new StringBuilder().Append("Hi ").Append(model.LearnerName).Append(",\n\n");
        text.Append(model.Kind switch
        {
            MessageKind.RecurringNudge => "Many learners who complete their courses set aside a little time every week. Pick up where you left off:",
            MessageKind.UpgradeReminder => "Only two days are left to upgrade to a verified certificate in:",
            _ => $"Welcome to week {model.Week} of {model.PrimaryCourse.Text}! This week you will cover:",
        }).Append("\n\n");
        if (model.Kind == MessageKind.CourseUpdate)
        {
            foreach (var highlight in model.Highlights)
            {
                text.Append("- ").Append(highlight).Append('\n');
            }
            text.Append("\nResume your course: ").Append(model.PrimaryCourse.Url).Append('\n');
        }
        else
        {
            foreach (var course in model.Courses)
            {
                text.Append("- ").Append(course.Text).Append(": ").Append(course.Url).Append('\n');
            }
        }
        if (model.Upgrade is { } upgrade)
        {
            text.Append("\nEarn a verified certificate: upgrade by ").Append(model.Deadline).Append(": ").Append(upgrade.Url).Append('\n');
        }
        text.Append('\n').Append(model.Dashboard.Text).Append(": ").Append(model.Dashboard.Url).Append('\n');
        text.Append("\nYou get this email because you are enrolled in a self-paced course on ").Append(model.PlatformName).Append(".\n");
        return text.ToString();
    }
}
