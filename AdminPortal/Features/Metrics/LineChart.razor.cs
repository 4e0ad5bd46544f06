using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Metrics;

/// <summary>A named line of a <see cref="LineChart"/>: one value per label.</summary>
public sealed record ChartLine(string Name, IReadOnlyList<long> Values);

public partial class LineChart
{
    private const int Width = 640, Height = 240, Left = 56, Right = Width - 8, Top = 8, Bottom = Height - 24;
    private static readonly string[] Colors = ["#1e88e5", "#43a047", "#e53935"];

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<string> Labels { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<ChartLine> Series { get; set; } = [];

    /// <summary>The top of the value axis: the largest value rounded up, at least 1; the bottom is always 0.</summary>
    public long AxisMax => NiceCeiling(Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());

    private IEnumerable<long> Ticks => [0, AxisMax / 2, AxisMax];

    private static long NiceCeiling(long value)
    {
        if (value <= 1)
        {
            return 1;
        }
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)));
        var steps = new[] { 1, 2, 5, 10 }.First(step => step * magnitude >= value);
        return steps * magnitude;
    }

    private double Y(long value) => Bottom - (double)value / AxisMax * (Bottom - Top);

    private string Points(IReadOnlyList<long> values) =>
        string.Join(' ', values.Select((v, i) => $"{Num(Left + (values.Count == 1 ? 0 : i * (double)(Right - Left) / (values.Count - 1)))},{Num(Y(v))}"));

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
