namespace AdminPortal.Data;

public static class SqliteCollations
{
    /// <summary>Compares ASCII letters ignoring case; the server models map it to their own (citext, a CI collation).</summary>
    public const string NoCase = "NOCASE";
}
