using Quartz;
using Quartz.Spi;

namespace AdminPortal.Jobs;

/// <summary>Creates each execution's job in a DI scope of its own, disposed when the execution ends.</summary>
internal sealed class ScopedJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
            return new ScopedJob(scope, job);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();

    private sealed class ScopedJob(AsyncServiceScope scope, IJob job) : IJob, IDisposable
    {
        public async Task Execute(IJobExecutionContext context)
        {
            try
            {
                await job.Execute(context);
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }

        // Quartz returns every job it created, executed or not; a scope already disposed ignores this.
        public void Dispose() => scope.Dispose();
    }
}
