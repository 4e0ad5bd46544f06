namespace AdminPortal.Data;

/// <summary>
/// Writes an outcome that must not be lost to a database outage (a run's end, say): a write refused because the database
/// cannot be reached is tried again after 1, 2, 4 ... up to 30 seconds, until it succeeds or the host stops. A run left
/// running by a stopped host is marked interrupted by the next start's recovery, so either way nothing looks busy forever.
/// </summary>
public sealed class UntilDatabaseReturns(IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<UntilDatabaseReturns> logger)
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public async Task<T> WriteAsync<T>(string what, Func<Task<T>> write)
    {
        var wait = FirstWait;
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogWarning("Could not record {What}: the database is unavailable ({Message}); trying again in {Wait:0} s",
                    what, e.GetBaseException().Message, wait.TotalSeconds);
            }
            await Task.Delay(wait, clock, lifetime.ApplicationStopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
        }
    }

    public Task WriteAsync(string what, Func<Task> write) => WriteAsync(what, async () =>
    {
        await write();
        return true;
    });
}
