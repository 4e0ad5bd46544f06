using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.DemoData;

/// <summary>
/// On the web server's first start in Development, fills the empty portal with demo data so every page has something
/// to show. Commands do not: <c>seed-demo</c> seeds on demand, and no other command seeds as a side effect.
/// </summary>
public sealed class DemoDataStartupStep(
    DemoDataSeeder seeder,
    IDbContextFactory<PortalDbContext> contexts,
    IOptions<DemoDataOptions> options,
    IHostEnvironment environment) : IStartupStep
{
    public StartupStage Stage => StartupStage.DemoData;

    public bool RunsBeforeCommands => false;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedData || !environment.IsDevelopment())
        {
            return;
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Learners.AnyAsync(cancellationToken) || await db.Courses.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        await seeder.SeedAsync(options.Value.Learners, options.Value.Seed, PortalActor.System("demo seeding"), cancellationToken: cancellationToken);
    }
}
