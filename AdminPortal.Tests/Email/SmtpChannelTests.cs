using AdminPortal.Email;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Email;

/// <summary>The SMTP channel's outcomes against a real server (aiosmtpd on 127.0.0.1).</summary>
public sealed class SmtpChannelTests : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.Create("smtp-channel");
    private SmtpTestServer smtp = default!;

    public async Task InitializeAsync()
    {
        smtp = new SmtpTestServer(directory.Path);
        await smtp.StartAsync();
    }

    public Task DisposeAsync()
    {
        smtp.Dispose();
        directory.Dispose();
        return Task.CompletedTask;
    }

    private SmtpChannel Channel(string? userName = null) => new(Options.Create(new EmailDeliveryOptions
    {
        Smtp = new() { Host = "127.0.0.1", Port = smtp.Port, UserName = userName, Password = "secret", TimeoutSeconds = 5 },
    }));

    private static OutgoingEmail Email() =>
        new("learner@example.org", "Keep going", "<p>Hello</p>", "Hello", "test", Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public async Task AMessageTheServerTakesIsSent()
    {
        var outcome = await Channel().SendAsync(Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task AServerLackingTheAuthenticationTheSettingsAskForIsAFailureForNowNotForGood()
    {
        // aiosmtpd offers no AUTH over a plain connection: a setting to mend, after which the waiting messages go.
        var outcome = await Channel(userName: "portal").SendAsync(Email(), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, outcome.Status);
        Assert.Contains("authentication", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Received);
    }
}
