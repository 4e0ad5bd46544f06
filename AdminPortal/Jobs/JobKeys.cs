using Quartz;

namespace AdminPortal.Jobs;

/// <summary>How portal jobs and their triggers are named in the Quartz store, and the data a trigger carries.</summary>
internal static class JobKeys
{
    public const string JobGroup = "portal";
    public const string ScheduleGroup = "schedule";
    public const string RunNowGroup = "run-now";
    public const string StartedByEmail = "startedByEmail";

    /// <summary>Why the portal itself fired a job outside its schedule, in words ("the portal's start").</summary>
    public const string Reason = "reason";

    public static JobKey Job(string name) => new(name, JobGroup);

    public static TriggerKey Schedule(string name) => new(name, ScheduleGroup);

    public static TriggerKey RunNow(string name) => new($"{name}-{Guid.NewGuid():N}", RunNowGroup);
}
