namespace AdminPortal.Jobs;

/// <summary>
/// Unattended work the portal runs on a schedule, on demand from the Jobs page, or from <c>jobs run</c>.
/// Registered with <c>builder.AddPortalJob&lt;TJob&gt;(name, defaultCron, description)</c>; each run gets its own DI scope.
/// </summary>
public interface IPortalJob
{
    /// <summary>Throw to fail the run: the message is recorded with the run, the exception goes to the log.</summary>
    Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken);
}
