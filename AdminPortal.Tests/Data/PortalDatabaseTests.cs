using AdminPortal.Data;
using AdminPortal.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdminPortal.Tests.Data;

public class PortalDatabaseTests
{
    private static PortalDatabase Read(string? provider, string? connectionString) =>
        PortalDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PortalDatabase.ProviderKey] = provider,
            [PortalDatabase.ConnectionStringKey] = connectionString,
            [PortalDatabase.CreateFolderKey] = "true",
        }).Build(), "/srv/portal");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sqlite")]
    public void SqliteIsTheDefaultAndKeepsItsFilesBesideTheFile(string? provider)
    {
        var database = Read(provider, "Data Source=data/portal.db");

        Assert.Equal((DatabaseProvider.Sqlite, "/srv/portal/data/portal.db", "/srv/portal/data"),
            (database.Provider, database.FilePath, database.DataFolder));
    }

    [Fact]
    public void AServerDatabaseHasNoFileAndADataFolderUnderTheContentRoot()
    {
        var database = Read("PostgreSql", "Host=db.example.org;Port=5433;Database=portal;Username=portal;Password=secret");

        Assert.Equal((DatabaseProvider.PostgreSql, null, "/srv/portal/data"), (database.Provider, database.FilePath, database.DataFolder));
        Assert.Equal("PostgreSQL database portal on db.example.org:5433", database.Description);
    }

    [Fact]
    public void SqlServerIsNamedByServerAndDatabaseWithoutThePassword()
    {
        var database = Read("SqlServer", "Server=db.example.org;Database=portal;User Id=portal;Password=secret");

        Assert.Equal("SQL Server database portal on db.example.org", database.Description);
    }

    [Theory]
    [InlineData("Oracle", "Data Source=portal.db", "Database:Provider is \"Oracle\": use Sqlite, PostgreSql, SqlServer.")]
    [InlineData("1", "Data Source=portal.db", "Database:Provider is \"1\": use Sqlite, PostgreSql, SqlServer.")]
    [InlineData("PostgreSql", null,
        "ConnectionStrings:Portal is missing: set it to a PostgreSql connection string such as \"Host=db.example.org;Database=portal;Username=portal;Password=...\".")]
    [InlineData("PostgreSql", "Host=db.example.org",
        "ConnectionStrings:Portal must name the server and the database (Host=...;Database=...) when Database:Provider is PostgreSql.")]
    [InlineData("SqlServer", "Server=db.example.org",
        "ConnectionStrings:Portal must name the server and the database (Server=...;Database=...) when Database:Provider is SqlServer.")]
    public void AWrongProviderOrConnectionIsRefusedWithTheKeyNamed(string provider, string? connectionString, string message)
    {
        var error = Assert.Throws<PortalConfigurationException>(() => Read(provider, connectionString));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("PostgreSql", "Data Source=data/portal.db", "ConnectionStrings:Portal is not a valid PostgreSQL connection string: ")]
    [InlineData("SqlServer", "Host=db.example.org;Database=portal", "ConnectionStrings:Portal is not a valid SQL Server connection string: ")]
    public void AConnectionStringOfAnotherProviderIsRefused(string provider, string connectionString, string start)
    {
        var error = Assert.Throws<PortalConfigurationException>(() => Read(provider, connectionString));

        Assert.StartsWith(start, error.Message);
    }
}
