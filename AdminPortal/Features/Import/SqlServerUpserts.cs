using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AdminPortal.Features.Import;

/// <summary>
/// The import's upserts on SQL Server, which has no <c>INSERT ... ON CONFLICT</c>: each handler's statement (the form
/// SQLite and PostgreSQL share) becomes the <c>MERGE</c> that does the same: insert a new key; update an existing one only
/// where a value differs (the statement's WHERE), so the rows it reports are the rows it changed.
/// </summary>
internal static partial class SqlServerUpserts
{
    private static readonly ConcurrentDictionary<string, string> Translated = new();

    /// <summary>The MERGE form of an upsert; any other statement as it is.</summary>
    public static string Of(string sql) => Translated.GetOrAdd(sql, Translate);

    private static string Translate(string sql)
    {
        var upsert = Upsert().Match(sql);
        if (!upsert.Success)
        {
            return sql;
        }
        var table = upsert.Groups["table"].Value;
        var columns = Names(upsert.Groups["columns"].Value);
        var keys = Names(upsert.Groups["keys"].Value);
        var set = Collapse(upsert.Groups["set"].Value);
        var changed = upsert.Groups["where"].Success ? $" AND ({Collapse(upsert.Groups["where"].Value).Replace(table + ".", "target.")})" : "";
        return $"""
            MERGE {table} WITH (HOLDLOCK) AS target
            USING (VALUES ({Collapse(upsert.Groups["values"].Value)})) AS excluded ({string.Join(", ", columns)})
            ON {string.Join(" AND ", keys.Select(k => $"target.{k} = excluded.{k}"))}
            WHEN MATCHED{changed} THEN UPDATE SET {set}
            WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "excluded." + c))});
            """;
    }

    private static List<string> Names(string list) => [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Collapse(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex("""
        ^\s*INSERT\s+INTO\s+(?<table>"\w+")\s*\((?<columns>[^)]*)\)\s*VALUES\s*\((?<values>[^)]*)\)\s*
        ON\s+CONFLICT\s*\((?<keys>[^)]*)\)\s*DO\s+UPDATE\s+SET\s+(?<set>.*?)(?:\s+WHERE\s+(?<where>.*?))?\s*;?\s*$
        """, RegexOptions.Singleline | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Upsert();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
