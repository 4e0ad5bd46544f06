namespace AdminPortal.Email;

/// <summary><c>Email:*</c>: the sender, and where mail goes: SMTP when <c>Email:Smtp:Host</c> is set, else a folder of .eml files.</summary>
public sealed class EmailDeliveryOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "learning@example.org";

    public string PickupDirectory { get; set; } = "data/outbox";

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        public bool EnableSsl { get; set; }
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public int TimeoutSeconds { get; set; } = 30;
    }
}
