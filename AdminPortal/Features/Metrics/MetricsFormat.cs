using System.Globalization;

namespace AdminPortal.Features.Metrics;

/// <summary>Percentages on the metrics page in the one format the month-over-month changes use (MetricRules.Change): "42%".</summary>
public static class MetricsFormat
{
    public static string Percent(double fraction) => fraction.ToString("0%", CultureInfo.InvariantCulture);
}
