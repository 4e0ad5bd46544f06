using AdminPortal.Email;
using AdminPortal.Features.Messaging.Emails;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The messaging jobs, their email templates, and delivery through the portal's email channel.</summary>
    public static WebApplicationBuilder AddPortalMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<EmailRenderer>();
        services.AddOptions<MessageDeliveryOptions>().BindConfiguration(MessageDeliveryOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<EmailDeliveryOptions>>((delivery, email) => delivery.ClaimMinutes * 60 >= 4 * email.Value.Smtp.TimeoutSeconds,
                "Messaging:Delivery:ClaimMinutes must be at least four SMTP timeouts (Email:Smtp:TimeoutSeconds), so that no send outlasts its claim.")
            .ValidateOnStart();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<MessagingRunner>();
        services.AddSingleton<MessagingBrowser>();
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
