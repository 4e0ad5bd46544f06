namespace AdminPortal.Jobs;

/// <summary>
/// Quartz logs through one process-wide provider, and its objects keep the loggers they were given. Handing it a host's
/// own logger factory would leave those loggers on a disposed factory once that host stops (the tests start many hosts
/// in one process), and Quartz's trigger loop then fails. So Quartz gets this factory, once, and its loggers write to the
/// factory of the host whose scheduler started last, or nowhere.
/// </summary>
internal sealed class QuartzLogging : ILoggerFactory
{
    private static readonly QuartzLogging Instance = new();
    private static int installed;
    private ILoggerFactory? current;

    /// <returns>Disposed when the host's scheduler is: Quartz stops writing to that host's log.</returns>
    public static IDisposable Attach(ILoggerFactory hostLoggers)
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            Quartz.Logging.LogContext.SetCurrentLogProvider(Instance);
        }
        Volatile.Write(ref Instance.current, hostLoggers);
        return new Attachment(hostLoggers);
    }

    public ILogger CreateLogger(string categoryName) => new ForwardingLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Quartz's log goes to the portal's own logging; add providers there.");

    public void Dispose()
    {
    }

    private static ILogger? Target(string category)
    {
        try
        {
            return Volatile.Read(ref Instance.current)?.CreateLogger(category);
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private sealed class Attachment(ILoggerFactory hostLoggers) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref Instance.current, null, hostLoggers);
    }

    private sealed class ForwardingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Target(category)?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Target(category)?.IsEnabled(logLevel) ?? false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Target(category)?.Log(logLevel, eventId, state, exception, formatter);
    }
}
