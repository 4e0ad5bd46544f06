using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Import.Kinds;
using AdminPortal.Features.Schedules;

namespace AdminPortal.Features.Import;

/// <summary>Imports for the upload page and the CLI: the superuser's check, the kind's handler, and a log line.</summary>
public sealed class ImportService(CsvImporter importer, BulkSchedules schedules, ILogger<ImportService> logger)
{
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Courses => CourseImport.ColumnNames,
        ImportKind.Sections => SectionImport.ColumnNames,
        ImportKind.Learners => LearnerImport.ColumnNames,
        ImportKind.Enrollments => EnrollmentImport.ColumnNames,
        _ => ProgressImport.ColumnNames,
    };

    private IImportHandler HandlerFor(ImportKind kind) => kind switch
    {
        ImportKind.Courses => new CourseImport(schedules),
        ImportKind.Sections => new SectionImport(),
        ImportKind.Learners => new LearnerImport(),
        ImportKind.Enrollments => new EnrollmentImport(schedules),
        _ => new ProgressImport(),
    };

    public async Task<ImportResult> ImportAsync(
        ImportKind kind, string path, string fileName, PortalActor actor, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var result = await importer.ImportAsync(HandlerFor(kind), path, progress, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("{Actor} imported {Kind} from {File}: {Summary}", actor.Name, kind, fileName, result.Summary);
        }
        else
        {
            // Where, never what: a message may quote the file's text (a learner's name, an email), which is not the log's to keep.
            logger.LogWarning("{Actor}'s import of {Kind} from {File} was refused: {Summary}; first at {Where}",
                actor.Name, kind, fileName, result.Summary, string.Join(", ", result.Errors.Take(10).Select(e => $"line {e.Line} {e.Field}")));
        }
        return result;
    }
}
