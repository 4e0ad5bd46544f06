using AdminPortal.Domain.UpgradeDeadlines;

namespace AdminPortal.Features.UpgradeDeadlines;

/// <summary>The editable copy of the global configuration that the page binds to.</summary>
public sealed class GlobalDeadlineForm
{
    public bool Enabled { get; set; }
    public int DeadlineDays { get; set; }

    public static GlobalDeadlineForm From(GlobalDeadlineConfig c) => new() { Enabled = c.Enabled, DeadlineDays = c.DeadlineDays };

    public GlobalDeadlineConfig ToValues() => new(Enabled, DeadlineDays);
}

/// <summary>The editable copy of an org's or a course's override.</summary>
public sealed class DeadlineOverrideForm
{
    public bool Enabled { get; set; }
    public int DeadlineDays { get; set; }
    public bool OptOut { get; set; }

    public static DeadlineOverrideForm From(DeadlineOverride o) => new() { Enabled = o.Enabled, DeadlineDays = o.DeadlineDays, OptOut = o.OptOut };

    public DeadlineOverride ToValues() => new(Enabled, DeadlineDays, OptOut);
}
