using System.ComponentModel.DataAnnotations;

namespace AdminPortal.Features.DemoData;

/// <summary>The demo platform Development starts with (Demo:SeedData, Demo:Learners, Demo:Seed).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Demo";

    public bool SeedData { get; init; }

    [Range(1, DemoDataSeeder.MaxLearners)]
    public int Learners { get; init; } = 2000;

    public int Seed { get; init; } = 42;
}
