using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain;
using AdminPortal.Domain.Metrics;

namespace AdminPortal.Features.Metrics;

/// <summary><c>metrics daily [--date D] [--from D --to D]</c>: one day (yesterday by default) or a backfill, a line per day.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext context)
    {
        var date = new Option<DateOnly?>("--date") { Description = "The day, YYYY-MM-DD (default: yesterday; today means yesterday; the future is refused)." };
        var from = new Option<DateOnly?>("--from") { Description = "First day of a backfill (with --to)." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day of a backfill (with --from)." };
        var daily = new Command("daily", "Compute and store the daily metrics of one day or of a range; a day computed again replaces its rows.") { date, from, to };
        daily.SetAction(async (parsed, cancellationToken) =>
        {
            var (day, first, last) = (parsed.GetValue(date), parsed.GetValue(from), parsed.GetValue(to));
            if (day is not null && (first is not null || last is not null) || (first is null) != (last is null))
            {
                throw new CliException("use --date D, or --from D --to D together, or neither (yesterday).", PortalCli.BadUsage);
            }
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var runner = app.Services.GetRequiredService<DailyMetricsRunner>();
            IReadOnlyList<DateOnly> days;
            try
            {
                days = first is null ? [MetricRules.DayFor(day, runner.Today)] : MetricRules.Range(first.Value, last!.Value, runner.Today);
            }
            catch (DomainException e)
            {
                throw new CliException(e.Message, PortalCli.BadUsage);
            }
            var outcomes = await runner.RunAsync(days, (outcome, done) =>
                context.Output.WriteLineAsync($"[{done}/{days.Count}] {DailyMetricsRunner.Describe(outcome)}"), cancellationToken);
            return outcomes.Any(o => o.Errors.Count > 0) ? PortalCli.Failure : PortalCli.Success;
        });
        return new Command("metrics", "Daily metrics per site and course.") { daily };
    }
}
