using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdminPortal.Data.Configurations;

/// <summary>Short string lists stored in one column: org lists as "A,B", highlights as a JSON array.</summary>
internal static class ValueConversions
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> CommaSeparated = new(
        list => string.Join(',', list),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList());

    public static readonly ValueConverter<IReadOnlyList<string>, string> JsonArray = new(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        text => JsonSerializer.Deserialize<List<string>>(text, JsonSerializerOptions.Default) ?? new List<string>());

    public static readonly ValueComparer<IReadOnlyList<string>> ListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());
}
