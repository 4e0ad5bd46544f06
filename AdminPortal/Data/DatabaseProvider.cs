namespace AdminPortal.Data;

/// <summary>Where the portal keeps its data, from <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the portal: the default, single instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several instances can share it.</summary>
    PostgreSql,

    /// <summary>A SQL Server: built and syntax-checked, not run here.</summary>
    SqlServer,
}
