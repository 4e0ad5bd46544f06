using System.Diagnostics;
using AdminPortal.Domain.Metrics;

namespace AdminPortal.Features.Metrics;

public sealed record DayOutcome(DateOnly Day, int Courses, int Sites, IReadOnlyList<CourseMetricError> Errors, TimeSpan Took);

/// <summary>Computes and stores days of metrics, reporting each day as it is done (a backfill shows its progress).</summary>
public sealed class DailyMetricsRunner(DailyMetricsCalculator calculator, DailyMetricsWriter writer, TimeProvider clock, ILogger<DailyMetricsRunner> logger)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="days">Already checked by <see cref="MetricRules"/>.</param>
    public async Task<IReadOnlyList<DayOutcome>> RunAsync(IReadOnlyList<DateOnly> days, Func<DayOutcome, int, Task> progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<DayOutcome>(days.Count);
        foreach (var day in days)
        {
            var watch = Stopwatch.StartNew();
            var metrics = await calculator.ComputeAsync(day, cancellationToken);
            var errors = await writer.ReplaceAsync(metrics, cancellationToken);
            foreach (var error in errors)
            {
                logger.LogError("Daily metrics of course {CourseId} for {Day} could not be stored: {Error}", error.CourseId, day, error.Error);
            }
            var outcome = new DayOutcome(day, metrics.Courses.Count - errors.Count, metrics.Sites.Count, errors, watch.Elapsed);
            outcomes.Add(outcome);
            await progress(outcome, outcomes.Count);
        }
        return outcomes;
    }

    public static string Describe(DayOutcome day) =>
        $"{day.Day:yyyy-MM-dd}: {day.Courses} course(s), {day.Sites} site(s) in {day.Took.TotalSeconds:0.0} s" +
        (day.Errors.Count == 0 ? "" : $"; {day.Errors.Count} course(s) failed: {string.Join("; ", day.Errors.Select(e => $"course {e.CourseId}: {e.Error}"))}");
}
