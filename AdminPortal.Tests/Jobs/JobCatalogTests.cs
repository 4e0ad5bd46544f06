using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Jobs;
using Microsoft.Extensions.Configuration;

namespace AdminPortal.Tests.Jobs;

public sealed class JobCatalogTests
{
    private static readonly JobDefinition Maintenance =
        JobDefinition.Create<DatabaseMaintenanceJob>("database-maintenance", "0 30 3 * * ?", "Maintenance");

    private static JobCatalog CatalogWith(params (string Key, string Value)[] settings) =>
        new([Maintenance], new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void WithoutSettingsAJobRunsOnItsDefaultScheduleInUtc()
    {
        var schedule = Assert.Single(CatalogWith().Jobs).Schedule;

        Assert.Equal(("0 30 3 * * ?", "UTC"), (schedule.Cron, schedule.TimeZone.Id));
    }

    [Fact]
    public void ConfigurationSetsTheCronAndTheTimeZone()
    {
        var schedule = CatalogWith(("Jobs:database-maintenance:Cron", " 0 0 4 ? * SUN "), ("Jobs:database-maintenance:TimeZone", "Europe/Paris"))
            .Find("database-maintenance")!.Schedule;

        Assert.Equal(("0 0 4 ? * SUN", "Europe/Paris"), (schedule.Cron, schedule.TimeZone.Id));
    }

    [Theory]
    [InlineData("every day at 3")]
    [InlineData("30 3 * * *")]
    [InlineData("0 30 25 * * ?")]
    public void ABadCronNamesTheSettingAndTheValue(string cron)
    {
        var error = Assert.Throws<JobConfigurationException>(() => CatalogWith(("Jobs:database-maintenance:Cron", cron)));

        Assert.StartsWith($"Jobs:database-maintenance:Cron is not a valid cron expression (\"{cron}\"): ", error.Message);
        Assert.EndsWith("Use Quartz's form with seconds first, such as \"0 30 3 * * ?\" for 03:30 every day.", error.Message);
    }

    [Fact]
    public void AnUnknownTimeZoneNamesTheSetting()
    {
        var error = Assert.Throws<JobConfigurationException>(() => CatalogWith(("Jobs:database-maintenance:TimeZone", "Mars/Olympus")));

        Assert.Equal("Jobs:database-maintenance:TimeZone is not a known time zone (\"Mars/Olympus\"): use an IANA name such as \"UTC\" or \"Europe/Paris\".",
            error.Message);
    }

    [Fact]
    public void TwoJobsCannotShareAName()
    {
        var error = Assert.Throws<JobConfigurationException>(() => new JobCatalog([Maintenance, Maintenance], new ConfigurationBuilder().Build()));

        Assert.Contains("\"database-maintenance\"", error.Message);
    }

    [Theory]
    [InlineData("Database Maintenance")]
    [InlineData("maintenance.daily")]
    [InlineData("")]
    public void JobNamesAreLowerCaseWordsJoinedByHyphens(string name) =>
        Assert.Throws<ArgumentException>(() => JobDefinition.Create<DatabaseMaintenanceJob>(name, "0 30 3 * * ?", ""));
}
