namespace AdminPortal.Domain.Messaging;

/// <summary>
/// Message kinds and types as people say them ("Recurring nudge, day 3"), for pages, instead of the enum's
/// <c>RecurringNudge</c> or the event name <c>recurringnudge_day3</c>. The nudge's day comes from its type's offset.
/// </summary>
public static class MessageTitles
{
    public static string Of(MessageKind kind) => kind switch
    {
        MessageKind.RecurringNudge => "Recurring nudge",
        MessageKind.UpgradeReminder => "Upgrade reminder",
        MessageKind.CourseUpdate => "Course update",
        _ => kind.ToString(),
    };

    /// <summary>The plural, for choosing what a run sends ("Course updates").</summary>
    public static string PluralOf(MessageKind kind) => $"{Of(kind)}s";

    public static string Of(MessageType type, int? week = null) => type.Kind switch
    {
        MessageKind.RecurringNudge => $"{Of(type.Kind)}, day {-type.DaysFromRunDate}",
        MessageKind.CourseUpdate when week is { } w => $"{Of(type.Kind)}, week {w}",
        _ => Of(type.Kind),
    };

    /// <summary>A stored message type name (<c>recurringnudge_day3</c>) as people say it; an unknown name stays as it is.</summary>
    public static string Of(string typeName, int? week = null) =>
        MessageTypes.All.FirstOrDefault(t => string.Equals(t.Name, typeName, StringComparison.Ordinal)) is { } type ? Of(type, week) : typeName;
}
