namespace AdminPortal.Hosting;

/// <summary>Work that must finish before the server accepts requests (migrations, seeding), in registration order.</summary>
public interface IStartupStep
{
    /// <summary>False for what only the server's start does (demo data): a command never does it as a side effect.</summary>
    bool RunsBeforeCommands => true;

    Task RunAsync(CancellationToken cancellationToken);
}

public static class StartupStepServiceCollectionExtensions
{
    public static IServiceCollection AddStartupStep<TStep>(this IServiceCollection services)
        where TStep : class, IStartupStep
    {
        services.AddSingleton<IStartupStep, TStep>();
        services.AddHostedService<StartupStepsRunner>();
        return services;
    }
}

/// <summary>Runs the steps in <see cref="IHostedLifecycleService.StartingAsync"/>, which precedes the server's start.</summary>
internal sealed class StartupStepsRunner(IEnumerable<IStartupStep> steps, ILogger<StartupStepsRunner> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            logger.LogDebug("Start-up step {Step}", step.GetType().Name);
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
