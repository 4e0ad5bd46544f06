using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Import;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Import;

public sealed class ImportPageTests : IAsyncLifetime
{
    private const string LearnerHeader = "username,email,name,active,staff,superuser,joined,last_login,language";
    private PageContext context = default!;

    public async Task InitializeAsync() => context = await PageContext.StartAsync(PortalRoles.Superuser);

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<int> LearnersAsync()
    {
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Learners.CountAsync();
    }

    private static async Task ChooseLearnersAsync(IRenderedComponent<PageHost> page)
    {
        await page.Find(".mud-select .mud-input-control").MouseDownAsync(new());
        await page.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Learners").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Columns: " + LearnerHeader, page.Markup));
    }

    private static Task ImportAsync(IRenderedComponent<PageHost> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import").ClickAsync(new());

    [Fact]
    public async Task AGoodFileIsImportedAndCounted()
    {
        var page = context.Render<ImportPage>();
        await ChooseLearnersAsync(page);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join('\n', LearnerHeader,
            "ada,ada@example.org,Ada,true,false,false,2025-09-01,,en",
            "bob,bob@example.org,Bob,true,false,false,2025-09-01,,en"), "learners.csv"));
        await ImportAsync(page);

        page.WaitForAssertion(() => Assert.Contains("learners.csv: 2 rows: 2 added, 0 updated, 0 unchanged", page.Find(".mud-alert").TextContent));
        Assert.Equal(2, await LearnersAsync());
    }

    [Fact]
    public async Task AFileWithOneBadRowListsTheLineAndWritesNothing()
    {
        var page = context.Render<ImportPage>();
        await ChooseLearnersAsync(page);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join('\n', LearnerHeader,
            "ada,ada@example.org,Ada,true,false,false,2025-09-01,,en",
            "bob,not-an-email,Bob,true,false,false,2025-09-01,,en"), "learners.csv"));
        await ImportAsync(page);

        page.WaitForAssertion(() => Assert.Contains("nothing was imported: 1 error(s)", page.Find(".mud-alert").TextContent));
        var cells = page.FindAll("[aria-label='Import errors'] tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Contains("'not-an-email' is not an email address", cells[2]);
        Assert.Equal(0, await LearnersAsync());
    }

    [Fact]
    public async Task ALongUploadShowsItsProgressUntilItEnds()
    {
        var file = new SlowFile("learners.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', LearnerHeader,
            "ada,ada@example.org,Ada,true,false,false,2025-09-01,,en")));
        var page = context.Render<ImportPage>();
        await ChooseLearnersAsync(page);
        var input = page.FindComponent<InputFile>();
        await page.InvokeAsync(() => input.Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([file])));

        var importing = ImportAsync(page);

        page.WaitForAssertion(() => Assert.Matches(@"Uploading: \d+\s?%", page.Find(".portal-import-progress").TextContent));
        Assert.Contains("Importing…", page.Markup);
        Assert.NotNull(page.Find(".portal-import-progress .mud-progress-linear"));
        file.Release();
        await importing;
        page.WaitForAssertion(() => Assert.Contains("1 rows: 1 added", page.Markup));
        Assert.Empty(page.FindAll(".portal-import-progress"));
    }

    /// <summary>A browser file that sends its first half, then waits until the test releases the rest.</summary>
    private sealed class SlowFile(string name, byte[] content) : IBrowserFile
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UtcNow;
        public long Size => content.Length;
        public string ContentType => "text/csv";

        public void Release() => release.SetResult();

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new Halves(content, release.Task);

        private sealed class Halves(byte[] content, Task released) : MemoryStream(content)
        {
            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (Position > 0)
                {
                    await released.WaitAsync(cancellationToken);
                }
                return await base.ReadAsync(buffer[..Math.Min(buffer.Length, Math.Max(1, (int)(Length / 2)))], cancellationToken);
            }
        }
    }
}
