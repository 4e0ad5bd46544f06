using System.Globalization;

namespace AdminPortal.Data;

/// <summary>Times as EF Core stores them in SQLite (text), for raw SQL that compares with stored ones: text order is time order.</summary>
public static class SqliteTimes
{
    public static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
