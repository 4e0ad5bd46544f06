using AdminPortal.Components.Navigation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AdminPortal.Features.Import;

public partial class ImportPage : IDisposable
{
    [Inject] private ImportUpload Upload { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ILogger<ImportPage> Logger { get; set; } = default!;

    private readonly CancellationTokenSource leaving = new();
    private ImportKind kind = ImportKind.Courses;
    private IBrowserFile? file;
    private string fileName = "";
    private bool running;
    private ImportProgress? progress;
    private ImportResult? result;
    private string? failure;
    private DateTime lastRender;

    private void Choose(InputFileChangeEventArgs e)
    {
        file = e.File;
        (result, failure) = (null, null);
        if (file.Size > Upload.MaxBytes)
        {
            failure = $"{file.Name} is {file.Size / 1024 / 1024} MB; the most is {Upload.MaxBytes / 1024 / 1024} MB (Import:MaxUploadMegabytes).";
            file = null;
        }
    }

    private async Task ImportAsync()
    {
        (running, progress, result, failure, fileName) = (true, null, null, null, file!.Name);
        try
        {
            result = await Upload.ImportAsync(kind, file, await Actor.GetAsync(), new Progress<ImportProgress>(Show), leaving.Token);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            Logger.LogError(e, "Import of {File} failed", fileName);
            failure = $"{fileName} could not be imported: {e.Message} Nothing was written.";
        }
        finally
        {
            running = false;
        }
    }

    // At most five renders a second: a large file reports progress per block.
    private void Show(ImportProgress update)
    {
        progress = update;
        if (DateTime.UtcNow - lastRender > TimeSpan.FromMilliseconds(200))
        {
            lastRender = DateTime.UtcNow;
            StateHasChanged();
        }
    }

    private static string Describe(ImportProgress p) => p.Phase switch
    {
        ImportPhase.Uploading => $"Uploading: {p.Fraction:P0}",
        ImportPhase.Checking => $"Checking: {p.Rows:N0} rows ({p.Fraction:P0})",
        ImportPhase.Writing => $"Writing: {p.Rows:N0} rows ({p.Fraction:P0})",
        _ => "Done",
    };

    public void Dispose()
    {
        leaving.Cancel();
        leaving.Dispose();
    }
}
