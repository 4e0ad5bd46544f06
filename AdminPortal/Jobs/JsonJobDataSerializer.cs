using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace AdminPortal.Jobs;

/// <summary>
/// Stores job data as a JSON object of strings. The job store runs with <c>quartz.jobStore.useProperties=true</c>, so
/// Quartz hands over string key/values only; anything else is refused rather than stored in a form nobody can read.
/// </summary>
public sealed class JsonJobDataSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj) where T : class => JsonSerializer.SerializeToUtf8Bytes(ToStrings(obj));

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        object result = typeof(T) switch
        {
            var t when t.IsAssignableFrom(typeof(NameValueCollection)) => ToNameValues(values),
            var t when t.IsAssignableFrom(typeof(JobDataMap)) => new JobDataMap((IDictionary<string, object>)values.ToDictionary(p => p.Key, p => (object)p.Value!)),
            var t when t.IsAssignableFrom(typeof(Dictionary<string, string?>)) => values,
            _ => throw Unsupported(typeof(T)),
        };
        return (T)result;
    }

    private static Dictionary<string, string?> ToStrings(object obj) => obj switch
    {
        NameValueCollection values => values.AllKeys.OfType<string>().ToDictionary(k => k, k => values[k]),
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => p.Value switch
        {
            null => null,
            string text => text,
            var other => throw new NotSupportedException(
                $"Job data \"{p.Key}\" is a {other.GetType().Name}: the portal's job store keeps strings only."),
        }),
        IDictionary<string, string?> strings => new Dictionary<string, string?>(strings),
        _ => throw Unsupported(obj.GetType()),
    };

    private static NameValueCollection ToNameValues(Dictionary<string, string?> values)
    {
        var collection = new NameValueCollection(values.Count);
        foreach (var (key, value) in values)
        {
            collection[key] = value;
        }
        return collection;
    }

    private static NotSupportedException Unsupported(Type type) =>
        new($"The portal's job store keeps job data as string key/values only; a {type.Name} cannot be stored.");
}
