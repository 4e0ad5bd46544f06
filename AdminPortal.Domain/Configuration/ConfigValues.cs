using System.Globalization;

namespace AdminPortal.Domain.Configuration;

/// <summary>A configuration whose versions are kept: its fields, named as operators know them, so versions can be compared.</summary>
public interface IConfigValues
{
    IReadOnlyList<ConfigField> Fields { get; }
}

public sealed record ConfigField(string Name, object? Value)
{
    public string Display => Value switch
    {
        null => "none",
        bool b => b ? "on" : "off",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}

/// <summary>One changed field between two versions.</summary>
public sealed record FieldChange(string Name, string Before, string After)
{
    public override string ToString() => $"{Name}: {Before} → {After}";
}

public static class ConfigChanges
{
    /// <summary>The fields whose values differ, in the configuration's order; every field when there is no earlier version.</summary>
    public static IReadOnlyList<FieldChange> Between(IConfigValues? before, IConfigValues after)
    {
        var old = before?.Fields.ToDictionary(f => f.Name, f => f.Display);
        return after.Fields
            .Where(f => old is null || old.GetValueOrDefault(f.Name) != f.Display)
            .Select(f => new FieldChange(f.Name, old?.GetValueOrDefault(f.Name) ?? "—", f.Display))
            .ToList();
    }
}
