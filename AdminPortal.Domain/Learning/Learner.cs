using System.Net.Mail;
using System.Text.RegularExpressions;
using AdminPortal.Domain.Text;

namespace AdminPortal.Domain.Learning;

/// <summary>A person learning on the platform (the LMS's user), not a portal account.</summary>
public sealed partial class Learner
{
    private Learner()
    {
    }

    public Learner(string username, string email, string name, DateTime joinedUtc)
    {
        Username = ValidUsername(username);
        ChangeEmail(email);
        Rename(name);
        JoinedUtc = joinedUtc;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Username { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool IsActive { get; private set; }

    /// <summary>LMS staff and superusers count as platform staff, not as learners, in reports.</summary>
    public bool IsStaff { get; private set; }
    public bool IsSuperuser { get; private set; }
    public DateTime JoinedUtc { get; private set; }
    public DateTime? LastLoginUtc { get; private set; }
    public string? Language { get; private set; }

    public void ChangeEmail(string email) => Email = ValidEmail(email);

    public void Rename(string? name)
    {
        name = name?.Trim() ?? "";
        Name = name.Length <= 255 ? ControlCharacters.Refuse(name, "A learner's name") : throw new DomainException("A learner's name has at most 255 characters.");
    }

    public void SetStatus(bool active, bool staff, bool superuser)
    {
        IsActive = active;
        IsStaff = staff;
        IsSuperuser = superuser;
    }

    public void SetActivity(DateTime joinedUtc, DateTime? lastLoginUtc, string? language)
    {
        JoinedUtc = joinedUtc;
        LastLoginUtc = lastLoginUtc;
        Language = LanguageCode.ValidOrNull(language);
    }

    public static string ValidUsername(string username)
    {
        username = username.Trim();
        return UsernamePattern().IsMatch(username)
            ? username
            : throw new DomainException($"'{username}' is not a username: use 2 to 150 letters, digits and . _ @ + -");
    }

    public static string ValidEmail(string email)
    {
        email = email.Trim();
        return email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal)
            ? email
            : throw new DomainException($"'{email}' is not an email address such as name@example.org.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.@+\-]{2,150}$")]
    private static partial Regex UsernamePattern();
}
