using AdminPortal.Domain.Text;

namespace AdminPortal.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Email for every feature that sends some: the settings every email reads, Razor templates rendered to HTML, and the
    /// channel (SMTP through MailKit when <c>Email:Smtp:Host</c> is set, else a folder of .eml files).
    /// </summary>
    public static WebApplicationBuilder AddPortalEmail(this WebApplicationBuilder builder)
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
        services.AddSingleton<EmailTemplates>();
        return builder;
    }
}
