namespace AdminPortal.Domain.Configuration;

public enum ConfigKind
{
    /// <summary>A site's ScheduleConfig; key: the site id.</summary>
    ScheduleConfig,

    /// <summary>The global upgrade deadline; key: "".</summary>
    GlobalDeadline,

    /// <summary>An org's upgrade deadline override; key: the org.</summary>
    OrgDeadline,

    /// <summary>A course's upgrade deadline override; key: the course id.</summary>
    CourseDeadline,

    /// <summary>A course's "create schedules for this course"; key: the course id.</summary>
    CourseSchedules,
}

/// <summary>
/// One saved version of a configuration. Versions are only ever added: the newest is in force, the older ones are its
/// history, and restoring one adds it again as the newest.
/// </summary>
public sealed class ConfigVersion
{
    private ConfigVersion()
    {
    }

    public ConfigVersion(ConfigKind kind, string key, int version, string valuesJson, string changedBy, DateTime changedAtUtc)
    {
        Kind = kind;
        Key = key;
        Version = version;
        ValuesJson = valuesJson;
        ChangedBy = changedBy;
        ChangedAtUtc = changedAtUtc;
    }

    public long Id { get; private set; }
    public ConfigKind Kind { get; private set; }
    public string Key { get; private set; } = "";
    public int Version { get; private set; }
    public string ValuesJson { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAtUtc { get; private set; }
}

/// <summary>How a site's or a course's configurations are keyed: by its id, culture-free.</summary>
public static class ConfigKeys
{
    public static string Of(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
