using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>
/// The server-database issue's two-instance figure: one site's queue sent by two portal processes at once (`jobs run
/// message-delivery` twice, each writing .eml files to a folder of its own), and no message sent twice.
/// </summary>
internal static class TwoInstanceDeliveryBenchmarks
{
    public static async Task DeliverAsync(string folder, int learners)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "two_instances");
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(learners, 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for two-instance delivery: {seeded}");
        var site = await QueueWithoutDeliveringAsync(app.Services);
        var queued = await MakeDueAsync(app.Services, site.SiteId);

        var senders = Enumerable.Range(1, 2).Select(i => Path.Combine(folder, $"sender-{i}")).ToList();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(senders.Select(pickup => RunDeliveryAsync(app.Services.GetRequiredService<PortalDatabase>(), folder, pickup)));
        var wallSeconds = wall.Elapsed.TotalSeconds;

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var sentTimes = await db.OutboxMessages.Where(m => m.SiteId == site.SiteId && m.State == OutboxState.Sent).Select(m => m.SentUtc!.Value).ToListAsync();
        var files = senders.Select(pickup => Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Length : 0).ToList();
        var span = (sentTimes.Max() - sentTimes.Min()).TotalSeconds;
        Console.WriteLine($"two instances sending {site.Domain}'s queue of {queued:N0} messages at once: {sentTimes.Count:N0} marked sent, " +
            $"{files.Sum():N0} .eml files written ({files[0]:N0} by the first, {files[1]:N0} by the second){(files.Sum() == sentTimes.Count && sentTimes.Count == queued ? ", none twice" : ": SOME TWICE OR MISSING")}; " +
            $"first send to last {span:0.00} s = {sentTimes.Count / span:N0} messages/s; both processes, start to exit, {wallSeconds:0.0} s");
    }

    /// <summary>The first demo site queues its three kinds for today with delivery off, so its rows wait for the senders.</summary>
    private static async Task<SiteScheduleConfig> QueueWithoutDeliveringAsync(IServiceProvider services)
    {
        var configs = services.GetRequiredService<ScheduleConfigService>();
        var site = (await configs.ListAsync(BenchmarkRunner.Actor))[0];
        var off = site.Config.Values with { DeliverRecurringNudge = false, DeliverUpgradeReminder = false, DeliverCourseUpdate = false };
        var saved = await configs.SaveAsync(site.SiteId, off, site.Config.Version, BenchmarkRunner.Actor);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Turning delivery off failed: {string.Join("; ", saved.Errors)}");
        }
        var runner = services.GetRequiredService<MessagingRunner>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            await runner.RunAsync(new MessagingRequest(kind, today, JobStart.Cli, site.Domain), null, CancellationToken.None);
        }
        return site;
    }

    /// <summary>What a site whose delivery was off kept becomes due, as if it had been queued with delivery on.</summary>
    private static async Task<int> MakeDueAsync(IServiceProvider services, int siteId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.Where(m => m.SiteId == siteId && m.State == OutboxState.DeliveryDisabled)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued));
    }

    /// <summary>The portal's own executable, as an operator runs it, delivering what is due into <paramref name="pickup"/>.</summary>
    private static async Task RunDeliveryAsync(PortalDatabase database, string folder, string pickup)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AdminPortal.dll"), "jobs", "run", MessageDeliveryJob.Name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Its log files go beside the benchmark's databases, not into the repository.
            WorkingDirectory = folder,
        };
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        start.Environment["Database__DataFolder"] = folder;
        start.Environment["Email__PickupDirectory"] = pickup;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"jobs run {MessageDeliveryJob.Name} exited with {process.ExitCode}: {await error}{await output}");
        }
        Console.WriteLine($"  {pickup}: {(await output).Split('\n').LastOrDefault(l => l.Length > 0)?.Trim()}");
    }
}
