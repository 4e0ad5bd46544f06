namespace AdminPortal.Hosting.Processes;

public static class ProcessesServiceCollectionExtensions
{
    /// <summary>
    /// This process as an owner of work (<see cref="ThisProcess"/>), and, in the web server, the sweep that ends the work
    /// of processes that died. Features add what they can leave behind with <see cref="AddOrphanedWorkRecovery{T}"/>.
    /// </summary>
    public static WebApplicationBuilder AddPortalProcesses(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ThisProcess>();
        builder.Services.AddSingleton<OrphanedWorkSweeper>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OrphanedWorkSweeper>());
        builder.Services.AddStartupStep<FirstSweepAtStart>();
        return builder;
    }

    public static IServiceCollection AddOrphanedWorkRecovery<TRecovery>(this IServiceCollection services)
        where TRecovery : class, IOrphanedWorkRecovery =>
        services.AddSingleton<IOrphanedWorkRecovery, TRecovery>();
}
