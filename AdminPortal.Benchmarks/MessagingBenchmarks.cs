using System.Diagnostics;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The messaging issue's budget: one daily run of the three kinds over a million schedules, delivered as .eml files.</summary>
internal static class MessagingBenchmarks
{
    public static async Task DailyRunAsync(string folder, int schedules)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "messaging");
        // The demo gives about 1.4 schedules per learner; every demo site queues and delivers every kind.
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync((int)(schedules / 1.4), 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for messaging: {seeded}");
        var runner = app.Services.GetRequiredService<MessagingRunner>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (resolve, write, deliver, queued, sent, candidates) = (0L, 0L, 0L, 0, 0, 0);
        var total = Stopwatch.StartNew();
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            var watch = Stopwatch.StartNew();
            var runs = (await runner.RunAsync(new MessagingRequest(kind, today, "benchmark"), null, CancellationToken.None)).Runs;
            Console.WriteLine($"{kind}: {runs.Sum(r => r.Candidates):N0} candidates, {runs.Sum(r => r.Queued):N0} queued, {runs.Sum(r => r.Sent):N0} sent " +
                $"in {watch.Elapsed.TotalSeconds:0.00} s (resolve {runs.Sum(r => r.ResolveMs)} ms, render and outbox {runs.Sum(r => r.WriteMs)} ms, " +
                $"delivery {runs.Sum(r => r.DeliverMs)} ms)");
            (resolve, write, deliver) = (resolve + runs.Sum(r => r.ResolveMs), write + runs.Sum(r => r.WriteMs), deliver + runs.Sum(r => r.DeliverMs));
            (queued, sent, candidates) = (queued + runs.Sum(r => r.Queued), sent + runs.Sum(r => r.Sent), candidates + runs.Sum(r => r.Candidates));
        }
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"daily run over {seeded.Schedules:N0} schedules: {candidates:N0} candidates, {queued:N0} messages; resolution of all bins " +
            $"{resolve / 1000.0:0.00} s (budget 5 s); render + outbox + .eml delivery {write + deliver} ms = {sent / ((write + deliver) / 1000.0):N0} messages/s " +
            $"(budget 2,000/s); whole run {total.Elapsed.TotalSeconds:0.0} s; managed heap {heapBefore / 1024 / 1024} MB before, {heapAfter / 1024 / 1024} MB after, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    }
}
