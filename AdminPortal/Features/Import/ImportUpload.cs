using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";

    [System.ComponentModel.DataAnnotations.Range(1, 4096)]
    public int MaxUploadMegabytes { get; init; } = 256;
}

/// <summary>
/// The upload page's import: the browser's file is copied to a temporary file (reading it twice needs a file), imported,
/// then deleted. Progress covers the upload as well as the import's two passes.
/// </summary>
public sealed class ImportUpload(ImportService imports, IOptions<ImportOptions> options)
{
    public long MaxBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;

    public async Task<ImportResult> ImportAsync(
        ImportKind kind, IBrowserFile file, PortalActor actor, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var path = Path.Combine(Path.GetTempPath(), $"portal-import-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var target = File.Create(path))
            await using (var source = file.OpenReadStream(MaxBytes, cancellationToken))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress.Report(new ImportProgress(ImportPhase.Uploading, 0, target.Length, file.Size));
                }
            }
            return await imports.ImportAsync(kind, path, file.Name, actor, progress, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
