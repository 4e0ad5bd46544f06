namespace AdminPortal.Components.Shared;

/// <summary>
/// Calls a page back at a fixed interval until the page disposes it, so the page can show work that changes on the
/// server (a job run) without a reload. The page decides on each tick whether anything needs reloading.
/// </summary>
public sealed class LiveRefresh : IAsyncDisposable
{
    private readonly PeriodicTimer timer;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LiveRefresh(TimeSpan interval, Func<Task> tick, ILogger logger)
    {
        timer = new PeriodicTimer(interval);
        loop = RunAsync(tick, logger);
    }

    /// <param name="tick">Usually <c>() =&gt; InvokeAsync(RefreshAsync)</c>, so it runs on the page's dispatcher.</param>
    public static LiveRefresh Start(TimeSpan interval, Func<Task> tick, ILogger logger) => new(interval, tick, logger);

    private async Task RunAsync(Func<Task> tick, ILogger logger)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await tick();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed refresh (a busy database, say) must not end the refreshing; the next tick tries again.
                    logger.LogWarning(e, "A live refresh of the page failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        timer.Dispose();
        stop.Dispose();
    }
}
