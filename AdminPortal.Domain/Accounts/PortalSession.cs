namespace AdminPortal.Domain.Accounts;

/// <summary>
/// A signed-in session kept on the server: the browser's cookie holds only its key, so signing out (which deletes the
/// row) ends it everywhere, a copied cookie included. The ticket is the sign-in's claims, protected by Data Protection.
/// </summary>
public sealed class PortalSession
{
    private PortalSession()
    {
    }

    public PortalSession(string key, string? userId, byte[] ticket, DateTime? expiresUtc, DateTime nowUtc)
    {
        Key = key;
        UserId = userId;
        (Ticket, ExpiresUtc, CreatedUtc, RenewedUtc) = (ticket, expiresUtc, nowUtc, nowUtc);
    }

    public string Key { get; private set; } = "";

    /// <summary>Whose session it is, so an account's sessions can be found (and ended) together.</summary>
    public string? UserId { get; private set; }

    public byte[] Ticket { get; private set; } = [];

    public DateTime CreatedUtc { get; private set; }

    public DateTime RenewedUtc { get; private set; }

    /// <summary>When the session ends unless renewed (sliding); none for a session without an end.</summary>
    public DateTime? ExpiresUtc { get; private set; }

    public bool IsExpired(DateTime nowUtc) => ExpiresUtc is { } end && end <= nowUtc;
}
