using AdminPortal.Domain.Text;
using AdminPortal.Features.Messaging.Emails;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The messaging jobs, their email templates and delivery (SMTP when <c>Email:Smtp:Host</c> is set, else .eml files).</summary>
    public static WebApplicationBuilder AddPortalMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.PlatformName = configuration["Messaging:PlatformName"] ?? options.PlatformName;
            options.LmsRootUrl = configuration["Lms:RootUrl"] ?? options.LmsRootUrl;
            options.TrackingUrl = configuration["Messaging:TrackingUrl"] ?? options.TrackingUrl;
        }).Validate(options => !ControlCharacters.AnyIn(options.PlatformName), $"Messaging:PlatformName {ControlCharacters.Rule} (it goes into email subjects).")
            .ValidateOnStart();
        // A wrong sender would fail every message for good: it stops the start instead.
        services.AddOptions<EmailDeliveryOptions>().BindConfiguration(EmailDeliveryOptions.Section)
            .Validate(email => MimeKit.MailboxAddress.TryParse(email.From, out _), "Email:From is not an email address such as learning@example.org.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Email:Smtp:Host"]))
        {
            services.AddSingleton<IEmailChannel, PickupDirectoryChannel>();
        }
        else
        {
            services.AddSingleton<IEmailChannel, SmtpChannel>();
        }
        services.AddSingleton<EmailRenderer>();
        services.AddOptions<MessageDeliveryOptions>().BindConfiguration(MessageDeliveryOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<EmailDeliveryOptions>>((delivery, email) => delivery.ClaimMinutes * 60 >= 4 * email.Value.Smtp.TimeoutSeconds,
                "Messaging:Delivery:ClaimMinutes must be at least four SMTP timeouts (Email:Smtp:TimeoutSeconds), so that no send outlasts its claim.")
            .ValidateOnStart();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<MessagingRunner>();
        services.AddSingleton<MessagingBrowser>();
        services.AddSingleton<Highlights.HighlightsService>();
        services.AddOrphanedWorkRecovery<MessageRunRecovery>();
        builder.AddPortalJob<RecurringNudgeJob>(RecurringNudgeJob.Name, "0 0 8 * * ?",
            "Recurring nudges: schedules that started 3 and 10 days ago, per site, queued and delivered once.");
        builder.AddPortalJob<UpgradeReminderJob>(UpgradeReminderJob.Name, "0 15 8 * * ?",
            "Upgrade reminders: upgrade deadlines in 2 days, per site, queued and delivered once.");
        builder.AddPortalJob<CourseUpdateJob>(CourseUpdateJob.Name, "0 30 8 * * ?",
            "Weekly course updates from section highlights: schedules that started 1 to 10 weeks ago, per site.");
        builder.AddPortalJob<MessageDeliveryJob>(MessageDeliveryJob.Name, "0 * * * * ?",
            "Sends the messages that are due: queued by a run that stopped early, or waiting for a retry whose time has come.", keepIdleRuns: false);
        return builder;
    }
}
