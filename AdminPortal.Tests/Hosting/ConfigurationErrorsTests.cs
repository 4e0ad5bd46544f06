using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Hosting;

/// <summary>The web server itself, started with a mistake in its settings: one line naming the key, exit code 1, no stack trace.</summary>
public sealed class ConfigurationErrorsTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.Create("config-errors");

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("Jobs:ShutdownSeconds", "0", "error: Jobs:ShutdownSeconds: The field ShutdownSeconds must be between 1 and 3600.")]
    [InlineData("Jobs:message-delivery:Cron", "every minute", "error: Jobs:message-delivery:Cron is not a valid cron expression")]
    [InlineData("Messaging:Delivery:ChunkSize", "0", "error: Messaging:Delivery:ChunkSize: The field ChunkSize must be between 1 and 1000.")]
    [InlineData("Messaging:Delivery:Concurrency", "0", "error: Messaging:Delivery:Concurrency: The field Concurrency must be between 1 and 32.")]
    [InlineData("Email:From", "not an address", "error: Email:From is not an email address such as learning@example.org.")]
    [InlineData("SurveyReport:Endpoint", "ftp://reports.example.org/in", "error: SurveyReport:Endpoint: The field Endpoint must be an http:// or https:// address.")]
    [InlineData("Jobs:SchedulerName", "the portal", "error: Jobs:SchedulerName (\"the portal\") must be 1 to 100 letters, digits, '-' or '_'.")]
    public async Task TheServerStopsWithOneLineNamingTheKey(string key, string value, string expected)
    {
        var (exitCode, output, error) = await PortalExecutable.RunAsync(directory, [(key, value)], "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error);
    }
}
