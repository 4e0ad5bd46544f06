using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

/// <summary>
/// The portal on a real port (Kestrel, Development settings, demo accounts) and headless Debian Chromium driven by
/// Playwright. One of each for all end-to-end tests; every test gets its own browser context (own cookies).
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.Create("e2e");
    private WebApplication? app;
    private IPlaywright? playwright;
    private HttpReceiver? surveyReceiver;

    // Playwright switches the console's encoding while it starts its driver. .NET then drops and rebuilds its console
    // writers, which deadlocked against a portal host logging to stderr at that moment; writers set here are kept as
    // they are, so the switch no longer touches them.
    static PortalBrowserFixture()
    {
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
        Console.SetError(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
    }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        surveyReceiver = await HttpReceiver.StartAsync(_ => Task.FromResult(200));
        // The delivery job (every minute) would send part of a run's messages while the run sends them, and the run would
        // count those as waiting: the tests start runs and deliveries themselves.
        app = PortalWebApp.Build(["--environment", "Development", "--urls", "http://127.0.0.1:0"], directory.Settings(
            ("SurveyReport:Endpoint", surveyReceiver.Url), ("Jobs:message-delivery:Cron", "0 0 3 1 1 ?")));
        await app.StartAsync();
        BaseUrl = app.Urls.First().TrimEnd('/');
        // The shared demo superuser has dismissed the survey banner, so other tests see their pages as they are; the
        // banner's own test uses accounts of its own.
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var superuserId = await db.Users.Where(u => u.Email == DemoAccounts.Superuser.Email).Select(u => u.Id).SingleAsync();
            await Services.GetRequiredService<SurveyReportService>().DismissBannerAsync(new PortalActor(superuserId, "demo", [PortalRoles.Superuser]));
        }
        (playwright, Browser) = await StartChromiumAsync();
    }

    /// <summary>Playwright and Debian's headless Chromium (scripts/test.sh installs it), as every browser test runs them.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> StartChromiumAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return (playwright, await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium-headless-shell",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        }));
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.RecordPolicyViolations();
        return page;
    }

    /// <summary>An account of its own for a test that changes it (locks it, say), so other tests are not affected.</summary>
    public async Task<(string Email, string Password)> CreateAccountAsync(string role)
    {
        var email = TestAccounts.UniqueEmail(role);
        await Services.CreateAccountAsync(email, role);
        return (email, TestAccounts.Password);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (surveyReceiver is not null)
        {
            await surveyReceiver.DisposeAsync();
        }
        directory.Dispose();
    }
}

/// <summary>The feature journeys: one portal and browser.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "End to end";
}

/// <summary>
/// Sign-in, the menu, accounts and the accessibility scan of every page: a second portal and browser, so the two halves of
/// the browser tests run side by side (each collection runs its tests one at a time).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessEndToEndCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "End to end, access";
}
