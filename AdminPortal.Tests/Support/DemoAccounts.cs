namespace AdminPortal.Tests.Support;

/// <summary>The demo accounts of appsettings.Development.json, as the README lists them.</summary>
public static class DemoAccounts
{
    public static readonly (string Email, string Password, string Role) Superuser = ("superuser@portal.local", "Superuser#2026", "Superuser");
    public static readonly (string Email, string Password, string Role) Staff = ("staff@portal.local", "Staff#2026", "Staff");
    public static readonly (string Email, string Password, string Role) Support = ("support@portal.local", "Support#2026", "Support");
    public static readonly (string Email, string Password, string Role) Author = ("author@portal.local", "Author#2026", "CourseAuthor");
}
