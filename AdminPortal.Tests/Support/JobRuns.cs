using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>Reads and writes JobRun rows straight from the database, as a test's ground truth.</summary>
public static class JobRuns
{
    public static async Task<List<JobRun>> AllAsync(this IServiceProvider services, string? jobName = null)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await QueryAsync(db, jobName);
    }

    /// <summary>For when no portal host runs on the folder any more.</summary>
    public static async Task<List<JobRun>> AllAsync(this TestDirectory directory, string? jobName = null)
    {
        await using var db = PortalDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(directory.Settings()).Build(),
            directory.Path).CreatePortalDbContext();
        return await QueryAsync(db, jobName);
    }

    /// <summary>Waits until a run of the job has ended and returns it.</summary>
    public static Task<JobRun> WaitForFinishedRunAsync(this IServiceProvider services, string jobName) =>
        Eventually.WaitForAsync(async () => (await services.AllAsync(jobName)).FirstOrDefault(r => r.Status != JobRunStatus.Running),
            $"a finished run of {jobName}");

    public static async Task<JobRun> AddAsync(this IServiceProvider services, JobRun run)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static Task<List<JobRun>> QueryAsync(PortalDbContext db, string? jobName) =>
        db.JobRuns.AsNoTracking().Include(r => r.LogLines)
            .Where(r => jobName == null || r.JobName == jobName).OrderBy(r => r.Id).ToListAsync();
}
