using AdminPortal.Domain.Metrics;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Metrics;

/// <summary>Yesterday's metrics, every night; a run again replaces the day's rows.</summary>
public sealed class DailyMetricsJob(DailyMetricsRunner runner) : IPortalJob
{
    public const string Name = "daily-metrics";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var day = MetricRules.DayFor(null, runner.Today);
        var outcome = (await runner.RunAsync([day], (d, _) =>
        {
            run.Log(DailyMetricsRunner.Describe(d));
            return Task.CompletedTask;
        }, cancellationToken)).Single();
        run.Count("courses", outcome.Courses);
        run.Count("sites", outcome.Sites);
        run.Count("failed-courses", outcome.Errors.Count);
        if (outcome.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{outcome.Errors.Count} course(s) of {day:yyyy-MM-dd} could not be stored; the others were.");
        }
    }
}
