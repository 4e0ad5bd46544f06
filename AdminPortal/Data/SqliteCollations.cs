using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdminPortal.Data;

public static class SqliteCollations
{
    /// <summary>Compares ASCII letters ignoring case; the server models map it to their own (citext, a CI collation).</summary>
    public const string NoCase = "NOCASE";

    /// <summary>The properties the SQLite model compares with NOCASE, for a server model to map to its own form.</summary>
    public static List<IMutableProperty> NoCaseProperties(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.GetCollation() == NoCase).ToList();
}
