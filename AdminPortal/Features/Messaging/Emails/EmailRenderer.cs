using System.Text;
using AdminPortal.Domain.Messaging;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging.Emails;

/// <summary>One message's email, or the reason it could not be rendered.</summary>
public sealed record RenderResult(RenderedEmail? Email, string? Error);

/// <summary>
/// Renders emails from their Razor templates with <see cref="HtmlRenderer"/> (which HTML-encodes every value), and the
/// plain-text part from the same model. Every recipient gets a model and a component of their own.
/// </summary>
public sealed class EmailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers, IOptions<EmailOptions> options)
{
    private readonly ILogger logger = loggers.CreateLogger<EmailRenderer>();

    public EmailOptions Options => options.Value;

    /// <returns>Per message, in order, its email, or why it could not be rendered: one bad message never stops the others.</returns>
    public async Task<IReadOnlyList<RenderResult>> RenderAsync(IReadOnlyList<(ResolvedMessage Message, Guid Uuid)> messages)
    {
        // A scope of its own: the web host registers some of the renderer's services per circuit.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var emails = new List<RenderResult>(messages.Count);
            foreach (var (message, uuid) in messages)
            {
                try
                {
                    var model = EmailComposer.Compose(message, uuid, options.Value);
                    var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(CourseUpdateEmail.Model)] = model });
                    var html = await renderer.RenderComponentAsync(TemplateOf(model.Kind), parameters);
                    emails.Add(new RenderResult(new RenderedEmail(model.Subject, html.ToHtmlString(), PlainText(model)), null));
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The {Message} email of message {Uuid} to learner {LearnerId} could not be rendered", message.Target.Type.Name, uuid, message.LearnerId);
                    emails.Add(new RenderResult(null, e.Message));
                }
            }
            return (IReadOnlyList<RenderResult>)emails;
        });
    }

    /// <summary>One email of another feature (the course reset's notice) from its own template.</summary>
    public async Task<string> RenderHtmlAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

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
