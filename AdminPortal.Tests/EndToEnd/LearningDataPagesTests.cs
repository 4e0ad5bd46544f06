using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class LearningDataPagesTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task StaffFindsALearnerAndFollowsTheirEnrollmentToTheCourse()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password, "/learners");
        var grid = page.GetByLabel("Learners", new() { Exact = true });
        var someone = (await grid.GetByRole(AriaRole.Link).First.TextContentAsync())!.Trim();

        await page.GetByLabel("Username or email starts with").FillAsync(someone);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await grid.GetByRole(AriaRole.Link, new() { Name = someone, Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = someone }).WaitForAsync();
        var enrollments = page.GetByRole(AriaRole.Region, new() { Name = "Enrollments and progress" });
        var course = (await enrollments.GetByRole(AriaRole.Link).First.TextContentAsync())!.Trim();
        await enrollments.GetByRole(AriaRole.Link).First.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = course, Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sections" }).WaitForAsync();
        Assert.Matches(@"to (\d{4}-\d{2}-\d{2}|no end date)", await page.GetByText(new System.Text.RegularExpressions.Regex("^\\d{4}-\\d{2}-\\d{2} to ")).TextContentAsync());
    }

    [Fact]
    public async Task TheLearnersListKeepsItsSortAndPageThroughBackAndReload()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password, "/learners");
        var grid = page.GetByLabel("Learners", new() { Exact = true });
        await grid.GetByRole(AriaRole.Link).First.WaitForAsync();

        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Email" }).GetByText("Email").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/learners\\?sort=Email$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/learners\\?sort=Email&page=2$"));
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^21-40 of"))).ToBeVisibleAsync(); // the rows are page 2's
        var first = grid.GetByRole(AriaRole.Link).First;
        var someone = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = someone }).WaitForAsync();

        await page.GoBackAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Link).First).ToHaveTextAsync(someone);
        await page.ReloadAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Link).First).ToHaveTextAsync(someone);
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^21-40 of"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ASuperuserAssignsACourseToACourseAuthor()
    {
        var (email, _) = await portal.CreateAccountAsync("CourseAuthor");
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, $"/admin/accounts?q={Uri.EscapeDataString(email)}");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Courses of {email}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Find a course by key or name").FillAsync("MITx");
        await dialog.GetByLabel("Find a course by key or name").PressAsync("Enter");
        var assign = dialog.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Assign course-v1:MITx") }).First;
        var key = (await assign.GetAttributeAsync("aria-label"))!["Assign ".Length..];
        await assign.ClickAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Remove {key}" }).WaitForAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.OpenAsync("/courses");
        await page.GetByLabel("Search key or name").FillAsync(key);
        await page.GetByLabel("Search key or name").PressAsync("Enter");
        var grid = page.GetByLabel("Courses", new() { Exact = true });
        await Assertions.Expect(grid.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        var row = grid.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(row).ToContainTextAsync(key);
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task AnApiKeyIsShownOnceAndCanBeRevoked()
    {
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/admin/api-keys");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.ChooseAsync("Scope", "courses");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await page.GetByLabel($"Key for {name} (courses)").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = $"Revoke {name}?" }).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        Assert.StartsWith("pk_", secret);
        await page.GetByLabel("API keys", new() { Exact = true }).GetByRole(AriaRole.Row).Filter(new() { HasText = name })
            .GetByText("Revoked").WaitForAsync();
        await page.OpenAsync("/admin/api-keys");
        Assert.Equal(0, await page.GetByText(secret).CountAsync());
    }
}
