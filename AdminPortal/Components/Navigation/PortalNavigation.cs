using AdminPortal.Domain.Accounts;

namespace AdminPortal.Components.Navigation;

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
        "Dashboard", "/", "dashboard", PortalPolicies.SignedIn, "Your areas of the portal at a glance.");

    public static IReadOnlyList<PortalArea> Areas { get; } =
    [
        new("Learning data", "school",
        [
            new("Courses", "/courses", "menu_book", PortalPolicies.ViewOperations,
                "Every course with its modes, sections, highlights and enrollment counts."),
            new("Learners", "/learners", "group", PortalPolicies.ViewOperations,
                "Find a learner by username or email; see their enrollments and progress."),
        ]),
        new("Schedules", "event",
        [
            new("Learner schedules", "/schedules", "event_note", PortalPolicies.ViewOperations,
                "Every learner's schedule: filter by course, experience and state; superusers change them in bulk."),
            new("Schedule settings", "/schedules/config", "tune", PortalPolicies.ViewOperations,
                "Each site's ScheduleConfig: creation, hold-back and which messages are queued and delivered, with history."),
            new("Upgrade deadlines", "/schedules/deadlines", "timer", PortalPolicies.ViewOperations,
                "Global, org and course upgrade deadlines with history, and which one applies to a course and why."),
        ]),
        new("Messaging", "mail",
        [
            new("Message runs", "/messaging", "send", PortalPolicies.ViewOperations,
                "The daily nudges, upgrade reminders and course updates: recent runs with their counts; superusers run them now or dry-run them."),
            new("Messages", "/messaging/messages", "drafts", PortalPolicies.ViewOperations,
                "Every queued and sent message: find a learner's, and see the email as they do."),
            new("Section highlights", "/highlights", "format_list_bulleted", PortalPolicies.EditHighlights,
                "The highlights of each section that the weekly course-update emails list, with a preview of each week's email."),
        ]),
        new("Course reset", "restart_alt",
        [
            new("Reset a course", "/support/course-reset", "restart_alt", PortalPolicies.ResetCourses,
                "Find a learner and reset an opted-in course so they can retake it, with a reason; the status follows the reset live."),
            new("Reset history", "/support/course-reset/history", "history", PortalPolicies.ResetCourses,
                "Every reset with who asked, why and how it went; superusers mark a stuck one failed."),
            new("Reset opt-ins", "/support/course-reset/opt-ins", "playlist_add_check", PortalPolicies.ManagePortal,
                "The courses whose learners support may reset, switched on and off."),
        ]),
        new("Survey reports", "assessment",
        [
            new("Reports", "/admin/survey-reports", "summarize", PortalPolicies.ManagePortal,
                "Anonymized usage reports of the platform: generate them, see what is sent, and send them to the community.", "SurveyReport:Enabled"),
        ]),
        new("Sync and metrics", "sync",
        [
            new("Catalog sync", "/sync/catalog", "sync", PortalPolicies.ViewOperations,
                "Keep courses' marketing URL, language and financial-aid flag in step with the catalog; superusers set it up and sync now."),
            new("Daily metrics", "/metrics", "monitoring", PortalPolicies.ViewOperations,
                "Charts of each site's active learners and enrollments per day, the courses with month-over-month changes, and CSV export."),
        ]),
        new("Administration", "admin_panel_settings",
        [
            new("Accounts", "/admin/accounts", "manage_accounts", PortalPolicies.ManagePortal,
                "Create portal accounts, set their roles, unlock, disable and set passwords."),
            new("Import", "/admin/import", "upload_file", PortalPolicies.ManagePortal,
                "Import courses, sections, learners, enrollments or progress from CSV, all or nothing."),
            new("API keys", "/admin/api-keys", "key", PortalPolicies.ManagePortal,
                "Keys the LMS uses to send enrollments and course publishes."),
            new("System status", "/admin/system", "monitor_heart", PortalPolicies.ViewOperations,
                "Health of the portal: database, migrations, version and environment."),
            new("Jobs", "/admin/jobs", "schedule", PortalPolicies.ViewOperations,
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
