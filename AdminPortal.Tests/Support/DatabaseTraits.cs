using Xunit.Abstractions;
using Xunit.Sdk;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A class whose tests run again on PostgreSQL, as a copy named <c>{class}OnPostgreSql</c> (<see cref="PostgreSqlCopies"/>), less its
/// <see cref="SqliteOnlyAttribute"/> tests; its trait <c>PostgreSql=true</c> picks the same classes for a SQL Server run
/// (scripts/test-sqlserver.sh).
/// </summary>
[TraitDiscoverer("AdminPortal.Tests.Support.DatabaseTraitDiscoverer", "AdminPortal.Tests")]
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsOnPostgreSqlAttribute : Attribute, ITraitAttribute;

/// <summary>A test about SQLite itself (its file, a checkpoint, the sqlite3 shell): the PostgreSQL copy leaves it out.</summary>
[TraitDiscoverer("AdminPortal.Tests.Support.DatabaseTraitDiscoverer", "AdminPortal.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyAttribute(string why) : Attribute, ITraitAttribute
{
    public string Why { get; } = why;
}

public sealed class DatabaseTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new(traitAttribute.GetConstructorArguments().Any() ? "SqliteOnly" : "PostgreSql", "true")];
}
