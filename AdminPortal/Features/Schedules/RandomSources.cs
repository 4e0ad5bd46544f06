using AdminPortal.Domain.Schedules;

namespace AdminPortal.Features.Schedules;

/// <summary>The hold-back draw in production: the shared thread-safe generator.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();
}

/// <summary>A repeatable draw: demo data and tests get the same hold-backs for the same seed.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random random = new(seed);

    public double NextDouble() => random.NextDouble();
}
