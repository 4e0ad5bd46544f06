namespace AdminPortal.Hosting;

/// <summary>
/// When a start-up step runs. Steps run stage by stage, in this order, whatever order the features registered them in;
/// all of them finish before any hosted service starts, so before the job scheduler starts and the server listens.
/// </summary>
public enum StartupStage
{
    /// <summary>The portal's tables: migrations.</summary>
    Database,

    /// <summary>The job store's tables, which Quartz owns: an older release's brought up to this Quartz.</summary>
    JobStore,

    /// <summary>What every page needs: roles and the first accounts.</summary>
    Accounts,

    /// <summary>Demo data, which assigns courses to the demo accounts.</summary>
    DemoData,

    /// <summary>Work a dead process left is ended before the scheduler starts, so no job starts beside a stale run.</summary>
    Recovery,

    /// <summary>The job store made to match the registered jobs: the last thing before the scheduler starts.</summary>
    Schedule,
}

/// <summary>Work that must finish before the server accepts requests (migrations, seeding), at its <see cref="Stage"/>.</summary>
public interface IStartupStep
{
    StartupStage Stage { get; }

    /// <summary>False for what only the server's start does (demo data, recovery): a command never does it as a side effect.</summary>
    bool RunsBeforeCommands => true;

    Task RunAsync(CancellationToken cancellationToken);
}

public static class StartupStepServiceCollectionExtensions
{
    public static IServiceCollection AddStartupStep<TStep>(this IServiceCollection services)
        where TStep : class, IStartupStep
    {
        services.AddSingleton<IStartupStep, TStep>();
        // Added once however many steps there are (AddHostedService adds a type only once).
        services.AddHostedService<StartupStepsRunner>();
        return services;
    }

    /// <summary>The steps in the order they run: by stage, and within a stage as registered.</summary>
    public static IEnumerable<IStartupStep> InOrder(this IEnumerable<IStartupStep> steps) => steps.OrderBy(s => s.Stage);
}

/// <summary>
/// Runs the steps in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host completes for every service before
/// it calls any <see cref="IHostedService.StartAsync"/> (Quartz's scheduler starts there).
/// </summary>
internal sealed class StartupStepsRunner(IEnumerable<IStartupStep> steps, ILogger<StartupStepsRunner> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var step in steps.InOrder())
        {
            logger.LogDebug("Start-up step {Stage}: {Step}", step.Stage, step.GetType().Name);
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
