using AdminPortal.Data;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A class's PostgreSQL copy runs on PostgreSQL all through: its fixture, its constructor, after an await, on the thread pool
/// and on a thread of its own all see the provider its collection's runner set (and its SQLite original sees SQLite in each).
/// </summary>
[RunsOnPostgreSql]
public sealed class PostgreSqlCopiesTests(PostgreSqlCopiesTests.ProviderAtFixture fixture) : IClassFixture<PostgreSqlCopiesTests.ProviderAtFixture>
{
    private readonly DatabaseProvider atConstructor = TestDatabase.ForThisTest;

    public sealed class ProviderAtFixture
    {
        public DatabaseProvider Provider { get; } = TestDatabase.ForThisTest;
    }

    [Fact]
    public async Task TheProviderHoldsFromTheFixtureToTheTestsLastThread()
    {
        await Task.Yield();
        var afterAwait = TestDatabase.ForThisTest;
        var onThePool = await Task.Run(() => TestDatabase.ForThisTest);
        var onAThread = DatabaseProvider.SqlServer;
        var thread = new Thread(() => onAThread = TestDatabase.ForThisTest);
        thread.Start();
        thread.Join();
        using var directory = TestDirectory.Create("copies");

        Assert.Equal([fixture.Provider, fixture.Provider, fixture.Provider, fixture.Provider, fixture.Provider],
            new[] { atConstructor, afterAwait, onThePool, onAThread, directory.Database.Provider });
    }

    [Fact]
    [SqliteOnly("its copy is left out, so on PostgreSQL the class has one test")]
    public void ATestMarkedSqliteOnlyRunsOnSqlite() => Assert.Equal(DatabaseProvider.Sqlite, TestDatabase.ForThisTest);
}
