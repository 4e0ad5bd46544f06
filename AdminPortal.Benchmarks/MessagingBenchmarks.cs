using System.Diagnostics;
using AdminPortal.Data;
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
        await SettleAsync(app);
        var runner = app.Services.GetRequiredService<MessagingRunner>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A portal runs the jobs every day in one long-lived process: the day before is the first run in this process,
        // whose code is compiled as it goes (cold), and today's the run of every day after that (warm).
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cold = await RunDayAsync(runner, today.AddDays(-1), "the day before, the process's first run (cold)");
        await SettleAsync(app);
        var total = Stopwatch.StartNew();
        var warm = await RunDayAsync(runner, today, "today, the process's second run (warm)");
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"daily run over {seeded.Schedules:N0} schedules: {warm.Candidates:N0} candidates, {warm.Queued:N0} messages; resolution of all bins " +
            $"{warm.ResolveMs / 1000.0:0.00} s (budget 5 s); render + outbox + .eml delivery {warm.SendingMs} ms = {warm.PerSecond(warm.SendingMs):N0} messages/s " +
            $"(budget 2,000/s), of which .eml delivery alone {warm.DeliverMs} ms = {warm.PerSecond(warm.DeliverMs):N0} messages/s; whole run {total.Elapsed.TotalSeconds:0.0} s; " +
            $"the day before (cold): {cold.Queued:N0} messages, resolution {cold.ResolveMs / 1000.0:0.00} s, render + outbox + delivery {cold.PerSecond(cold.SendingMs):N0} messages/s, " +
            $"delivery alone {cold.PerSecond(cold.DeliverMs):N0}/s; managed heap {heapBefore / 1024 / 1024} MB before, {heapAfter / 1024 / 1024} MB after, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        var (floorSeconds, floorRows) = await FloorAsync(app.Services.GetRequiredService<PortalDatabase>(), today);
        Console.WriteLine($"the floor: the same candidates read by one statement per target day for every site at once (ADO.NET, every column read): " +
            $"{floorRows:N0} rows in {floorSeconds:0.00} s; the runs read {warm.Candidates:N0}; resolution / floor = {warm.ResolveMs / 1000.0 / floorSeconds:0.0}x (target 2x)");
        var pickup = new DirectoryInfo(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminPortal.Email.EmailDeliveryOptions>>().Value.PickupDirectory);
        var size = (int)pickup.EnumerateFiles("*.eml").Average(f => f.Length);
        var concurrency = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessageDeliveryOptions>>().Value.Concurrency;
        foreach (var threads in new[] { 1, concurrency })
        {
            var seconds = DiskFloor(Path.Combine(pickup.Parent!.FullName, $"{pickup.Name}-disk-floor-{threads}"), warm.Sent, size, threads);
            Console.WriteLine($"the disk's floor: {warm.Sent:N0} files of {size:N0} bytes written and renamed into place as the .eml channel does, nothing else, " +
                $"{threads} at a time: {seconds:0.00} s = {warm.Sent / seconds:N0} files/s");
        }
    }

    private sealed record DayRun(long ResolveMs, long WriteMs, long DeliverMs, int Candidates, int Queued, int Sent)
    {
        public static readonly DayRun None = new(0, 0, 0, 0, 0, 0);

        public long SendingMs => WriteMs + DeliverMs;

        public double PerSecond(long ms) => Sent / (ms / 1000.0);

        public DayRun Plus(DayRun other) => new(ResolveMs + other.ResolveMs, WriteMs + other.WriteMs, DeliverMs + other.DeliverMs,
            Candidates + other.Candidates, Queued + other.Queued, Sent + other.Sent);

        public static DayRun Of(MessageRun run) => new(run.ResolveMs, run.WriteMs, run.DeliverMs, run.Candidates, run.Queued, run.Sent);
    }

    /// <summary>The three kinds' runs for one day, as the jobs start them, with each kind's figures printed.</summary>
    private static async Task<DayRun> RunDayAsync(MessagingRunner runner, DateOnly day, string label)
    {
        var total = DayRun.None;
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            var watch = Stopwatch.StartNew();
            var runs = (await runner.RunAsync(new MessagingRequest(kind, day, AdminPortal.Jobs.JobStart.Cli), null, CancellationToken.None)).Runs;
            var kindRun = runs.Select(DayRun.Of).Aggregate(DayRun.None, (sum, run) => sum.Plus(run));
            Console.WriteLine($"{label}, {kind}: {kindRun.Candidates:N0} candidates, {kindRun.Queued:N0} queued, {kindRun.Sent:N0} sent " +
                $"in {watch.Elapsed.TotalSeconds:0.00} s (resolve {kindRun.ResolveMs} ms, render and outbox {kindRun.WriteMs} ms, " +
                $"delivery {kindRun.DeliverMs} ms)");
            total = total.Plus(kindRun);
        }
        return total;
    }

    /// <summary>
    /// What the .eml channel cannot go below on this disk: the same number of files of the messages' size, each written
    /// in a staging folder and renamed into place, with nothing rendered, built or marked.
    /// </summary>
    private static double DiskFloor(string folder, int files, int size, int threads)
    {
        var staging = Directory.CreateDirectory(Path.Combine(folder, ".staging")).FullName;
        var content = new byte[size];
        Array.Fill(content, (byte)'x');
        var watch = Stopwatch.StartNew();
        Parallel.For(0, files, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var name = Guid.NewGuid().ToString();
            var temporary = Path.Combine(staging, name + ".tmp");
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                file.Write(content);
            }
            File.Move(temporary, Path.Combine(folder, name + ".eml"));
        });
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// What resolution cannot go below: each target day of the three kinds, the schedules starting (or reaching their
    /// upgrade deadline) that day with their learners and enrollments, in one statement per day for every site at once.
    /// </summary>
    private static async Task<(double Seconds, long Rows)> FloorAsync(PortalDatabase database, DateOnly today)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        long rows = 0;
        foreach (var target in Enum.GetValues<MessageKind>().SelectMany(kind => MessageTypes.TargetsFor(kind, today)))
        {
            var column = target.Type.Date == ScheduleDate.Start ? "StartUtc" : "UpgradeDeadlineUtc";
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT s."Id", s."LearnerId", l."Username", l."Email", l."Name", l."Language", l."IsActive", e."IsActive", e."Mode", s."IsActive",
                    s."Experience", s."StartUtc", s."UpgradeDeadlineUtc", s."CourseId"
                FROM "Schedules" s JOIN "Enrollments" e ON e."Id" = s."EnrollmentId" JOIN "Learners" l ON l."Id" = s."LearnerId"
                WHERE s."{column}" >= @from AND s."{column}" < @to
                """;
            var from = target.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            command.AddParameter("@from", database.TimeAsStored(from));
            command.AddParameter("@to", database.TimeAsStored(from.AddDays(1)));
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        return (watch.Elapsed.TotalSeconds, rows);
    }

    /// <summary>
    /// The seed leaves gigabytes for the disk to write: fold the write-ahead log back, let the kernel write it all out,
    /// and wait until the disk has written nothing for 2 s, so the run is measured alone rather than against the seed's
    /// writes (which made the same run vary 3x here).
    /// </summary>
    private static async Task SettleAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdminPortal.Data.PortalDbContext>>().CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                BenchmarkRunner.PostgresServer is null ? "PRAGMA wal_checkpoint(TRUNCATE);" : "CHECKPOINT;");
        }
        using (var sync = Process.Start("sync")!)
        {
            await sync.WaitForExitAsync();
        }
        var settling = Stopwatch.StartNew();
        var (written, quiet) = (SectorsWritten(), 0);
        while (quiet < 4 && settling.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            var now = SectorsWritten();
            (written, quiet) = (now, now == written ? quiet + 1 : 0);
        }
        Console.WriteLine($"disk settled after the seed in {settling.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Sectors written by every disk so far (the tenth field of /proc/diskstats).</summary>
    private static long SectorsWritten() => File.ReadLines("/proc/diskstats")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(fields => fields.Length > 9).Sum(fields => long.Parse(fields[9]));
}
