using AdminPortal.Domain.Accounts;
using MudBlazor;

namespace AdminPortal.Components.Navigation;

/// <param name="Icon">A MudBlazor icon (SVG path data).</param>
/// <param name="OnlyWhen">A boolean setting that, when false, turns the page off (and out of the menu); true by default.</param>
public sealed record PortalPage(string Title, string Path, string Icon, PortalPolicy Policy, string Description, string? OnlyWhen = null)
{
    public bool IsOn(IConfiguration? configuration) => OnlyWhen is null || configuration is null || configuration.GetValue(OnlyWhen, true);
}

public sealed record PortalArea(string Title, string Icon, IReadOnlyList<PortalPage> Pages);

/// <summary>
/// Every page of the menu, grouped by area, with the policy that guards it. The menu, the dashboard and the
/// access-denied notice read this one list; a test checks that each page's [Authorize] names the same policy.
/// </summary>
public static class PortalNavigation
{
    public static PortalPage Dashboard { get; } = new(
        "Dashboard", "/", Icons.Material.Outlined.Dashboard, PortalPolicies.SignedIn, "Your areas of the portal at a glance.");

    public static IReadOnlyList<PortalArea> Areas { get; } =
    [
        new("Learning data", Icons.Material.Outlined.School,
        [
            new("Courses", "/courses", Icons.Material.Outlined.MenuBook, PortalPolicies.ViewOperations,
                "Every course with its modes, sections, highlights and enrollment counts."),
            new("Learners", "/learners", Icons.Material.Outlined.Group, PortalPolicies.ViewOperations,
                "Find a learner by username or email; see their enrollments and progress."),
        ]),
        new("Schedules", Icons.Material.Outlined.Event,
        [
            new("Learner schedules", "/schedules", Icons.Material.Outlined.EventNote, PortalPolicies.ViewOperations,
                "Every learner's schedule: filter by course, experience and state; superusers change them in bulk."),
            new("Schedule settings", "/schedules/config", Icons.Material.Outlined.Tune, PortalPolicies.ViewOperations,
                "Each site's ScheduleConfig: creation, hold-back and which messages are queued and delivered, with history."),
            new("Upgrade deadlines", "/schedules/deadlines", Icons.Material.Outlined.Timer, PortalPolicies.ViewOperations,
                "Global, org and course upgrade deadlines with history, and which one applies to a course and why."),
        ]),
        new("Messaging", Icons.Material.Outlined.Mail,
        [
            new("Message runs", "/messaging", Icons.Material.Outlined.Send, PortalPolicies.ViewOperations,
                "The daily nudges, upgrade reminders and course updates: recent runs with their counts; superusers run them now or dry-run them."),
            new("Messages", "/messaging/messages", Icons.Material.Outlined.Drafts, PortalPolicies.ViewOperations,
                "Every queued and sent message: find a learner's, and see the email as they do."),
            new("Section highlights", "/highlights", Icons.Material.Outlined.FormatListBulleted, PortalPolicies.EditHighlights,
                "The highlights of each section that the weekly course-update emails list, with a preview of each week's email."),
        ]),
        new("Course reset", Icons.Material.Outlined.RestartAlt,
        [
            new("Reset a course", "/support/course-reset", Icons.Material.Outlined.RestartAlt, PortalPolicies.ResetCourses,
                "Find a learner and reset an opted-in course so they can retake it, with a reason; the status follows the reset live."),
            new("Reset history", "/support/course-reset/history", Icons.Material.Outlined.History, PortalPolicies.ResetCourses,
                "Every reset with who asked, why and how it went; superusers mark a stuck one failed."),
            new("Reset opt-ins", "/support/course-reset/opt-ins", Icons.Material.Outlined.PlaylistAddCheck, PortalPolicies.ManagePortal,
                "The courses whose learners support may reset, switched on and off."),
        ]),
        new("Survey reports", Icons.Material.Outlined.Assessment,
        [
            new("Reports", "/admin/survey-reports", Icons.Material.Outlined.Summarize, PortalPolicies.ManagePortal,
                "Anonymized usage reports of the platform: generate them, see what is sent, and send them to the community.", "SurveyReport:Enabled"),
        ]),
        new("Sync and metrics", Icons.Material.Outlined.Sync,
        [
            new("Catalog sync", "/sync/catalog", Icons.Material.Outlined.Sync, PortalPolicies.ViewOperations,
                "Keep courses' marketing URL, language and financial-aid flag in step with the catalog; superusers set it up and sync now."),
            new("Daily metrics", "/metrics", Icons.Material.Outlined.ShowChart, PortalPolicies.ViewOperations,
                "Charts of each site's active learners and enrollments per day, the courses with month-over-month changes, and CSV export."),
        ]),
        new("Administration", Icons.Material.Outlined.AdminPanelSettings,
        [
            new("Accounts", "/admin/accounts", Icons.Material.Outlined.ManageAccounts, PortalPolicies.ManagePortal,
                "Create portal accounts, set their roles, unlock, disable and set passwords."),
            new("Import", "/admin/import", Icons.Material.Outlined.UploadFile, PortalPolicies.ManagePortal,
                "Import courses, sections, learners, enrollments or progress from CSV, all or nothing."),
            new("API keys", "/admin/api-keys", Icons.Material.Outlined.Key, PortalPolicies.ManagePortal,
                "Keys the LMS uses to send enrollments and course publishes."),
            new("System status", "/admin/system", Icons.Material.Outlined.MonitorHeart, PortalPolicies.ViewOperations,
                "Health of the portal: database, migrations, version and environment."),
            new("Jobs", "/admin/jobs", Icons.Material.Outlined.Schedule, PortalPolicies.ViewOperations,
                "The unattended jobs: schedules, next and last runs, each run's counts and log; superusers pause and run them."),
        ]),
    ];

    /// <summary>The areas with the pages this actor may open (and the configuration has on); areas left empty are dropped.</summary>
    public static IReadOnlyList<PortalArea> VisibleTo(PortalActor actor, IConfiguration? configuration = null) =>
        Areas.Select(area => area with { Pages = area.Pages.Where(page => actor.Can(page.Policy) && page.IsOn(configuration)).ToList() })
            .Where(area => area.Pages.Count > 0)
            .ToList();

    /// <summary>The menu page at this address, or the one it lies below (a run's page below Jobs): it shares that page's policy.</summary>
    public static PortalPage? FindByPath(string path)
    {
        var normalized = "/" + path.Split('?', '#')[0].Trim('/');
        return normalized == Dashboard.Path
            ? Dashboard
            : Areas.SelectMany(a => a.Pages)
                .Where(p => string.Equals(p.Path, normalized, StringComparison.OrdinalIgnoreCase)
                    || normalized.StartsWith(p.Path + "/", StringComparison.OrdinalIgnoreCase))
                .MaxBy(p => p.Path.Length);
    }
}
