using AdminPortal.Email;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdminPortal.Tests.Email;

/// <summary>The .eml channel: one whole file per message, named by its uuid, written beside the folder and renamed into it.</summary>
public sealed class PickupDirectoryChannelTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.Create("pickup");

    public void Dispose() => directory.Dispose();

    private string Pickup => Path.Combine(directory.Path, "outbox");

    private PickupDirectoryChannel Channel(string pickup) => new(Options.Create(new EmailDeliveryOptions { PickupDirectory = pickup }),
        new HostingEnvironment { ContentRootPath = directory.Path });

    private static OutgoingEmail Email(int learner) => new($"learner{learner}@example.org", $"Week {learner}", $"<p>Hello learner {learner}</p>",
        $"Hello learner {learner}", "recurringnudge_day3", Guid.NewGuid(), Guid.NewGuid());

    private MimeMessage Stored(OutgoingEmail email) => MimeMessage.Load(Path.Combine(Pickup, $"{email.Uuid}.eml"));

    [Fact]
    public async Task AMessageIsOneFileNamedByItsUuidAndNothingStaysInStaging()
    {
        var email = Email(1);

        var outcome = await Channel("outbox").SendAsync(email, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal([$"{email.Uuid}.eml"], Directory.GetFiles(Pickup).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Path.Combine(Pickup, ".staging")));
        var stored = Stored(email);
        Assert.Equal(($"{email.Uuid}@admin-portal", "Week 1", "learner1@example.org"), (stored.MessageId, stored.Subject, stored.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task ASecondAttemptReplacesTheFirstsFile()
    {
        var channel = Channel("outbox");
        var email = Email(1);

        await channel.SendAsync(email, CancellationToken.None);
        await channel.SendAsync(email with { Subject = "Week 1, again" }, CancellationToken.None);

        Assert.Single(Directory.GetFiles(Pickup));
        Assert.Equal("Week 1, again", Stored(email).Subject);
    }

    [Fact]
    public async Task AStagingFolderTakenAwayBetweenMessagesIsMadeAgain()
    {
        var channel = Channel("outbox");
        await channel.SendAsync(Email(1), CancellationToken.None);
        Directory.Delete(Path.Combine(Pickup, ".staging"));
        var second = Email(2);

        var outcome = await channel.SendAsync(second, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal("Week 2", Stored(second).Subject);
    }

    /// <summary>Each thread formats in a buffer it keeps: messages written at once on many threads never mix.</summary>
    [Fact]
    public async Task MessagesWrittenAtOnceOnManyThreadsEachGetTheirOwnFileWhole()
    {
        var channel = Channel("outbox");
        var emails = Enumerable.Range(1, 300).Select(Email).ToList();

        var outcomes = await Task.WhenAll(emails.Select(email => Task.Run(() => channel.SendAsync(email, CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Equal(SendOutcome.Sent, outcome));
        Assert.Equal(300, Directory.GetFiles(Pickup).Length);
        Assert.All(emails, email =>
        {
            var stored = Stored(email);
            Assert.Equal((email.Subject, email.Text), (stored.Subject, stored.TextBody?.Trim()));
        });
    }

    /// <summary>
    /// The first messages into a new folder, started together on several threads: each finds no staging folder, one makes
    /// it, and the others' writes must still succeed (a write failing then read "file not found" and waited for a retry).
    /// </summary>
    [Fact]
    public void TheFirstMessagesIntoANewFolderAtOnceAreAllWritten()
    {
        const int Threads = 8;
        for (var round = 0; round < 80; round++)
        {
            var channel = Channel($"outbox-{round}");
            using var start = new Barrier(Threads);
            var outcomes = new SendOutcome[Threads];
            var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                outcomes[i] = channel.SendAsync(Email(i), CancellationToken.None).Result;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(outcomes, outcome => Assert.Equal(SendOutcome.Sent, outcome));
        }
    }

    /// <summary>The thread's buffer serves the next message from its start, after a message larger than the buffer it keeps.</summary>
    [Fact]
    public async Task AMessageAfterALargeOneIsWrittenAloneAndWhole()
    {
        var channel = Channel("outbox");
        var large = Email(1) with { Text = new string('x', 600_000) };
        var small = Email(2);

        await channel.SendAsync(large, CancellationToken.None);
        await channel.SendAsync(small, CancellationToken.None);

        Assert.Equal(600_000, Stored(large).TextBody?.Trim().Length);
        Assert.InRange(new FileInfo(Path.Combine(Pickup, $"{small.Uuid}.eml")).Length, 1, 4_000);
        Assert.Equal(("Week 2", "Hello learner 2"), (Stored(small).Subject, Stored(small).TextBody?.Trim()));
    }

    [Fact]
    public async Task AFolderThatCannotBeMadeIsAFailureForNowNamingTheFolder()
    {
        // A file where the folder should be: no folder can be made there, whoever runs the test.
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "taken"), "not a folder");

        var outcome = await Channel("taken").SendAsync(Email(1), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, outcome.Status);
        Assert.StartsWith($"Could not write to {Path.Combine(directory.Path, "taken")}:", outcome.Error);
    }
}
