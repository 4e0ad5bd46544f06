using System.Collections.Specialized;
using System.Text;
using AdminPortal.Jobs;
using Quartz;

namespace AdminPortal.Tests.Jobs;

public sealed class JsonJobDataSerializerTests
{
    private readonly JsonJobDataSerializer serializer = new();

    [Fact]
    public void JobPropertiesAreStoredAsReadableJsonAndReadBack()
    {
        var properties = new NameValueCollection { ["startedByEmail"] = "sam@example.org", ["note"] = "ünïcode & \"quotes\"" };

        var bytes = serializer.Serialize<object>(properties);
        var back = serializer.DeSerialize<NameValueCollection>(bytes)!;

        Assert.Equal("""{"startedByEmail":"sam@example.org","note":"\u00FCn\u00EFcode \u0026 \u0022quotes\u0022"}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal(["startedByEmail", "note"], back.AllKeys.OfType<string>());
        Assert.Equal("ünïcode & \"quotes\"", back["note"]);
    }

    [Fact]
    public void AJobDataMapOfStringsRoundTrips()
    {
        var map = new JobDataMap { ["site"] = "example.org" };

        var back = serializer.DeSerialize<JobDataMap>(serializer.Serialize(map))!;

        Assert.Equal("example.org", back.GetString("site"));
    }

    [Fact]
    public void ANonStringValueIsRefusedWithItsKeyNamed()
    {
        var map = new JobDataMap { ["since"] = DateTime.UtcNow };

        var error = Assert.Throws<NotSupportedException>(() => serializer.Serialize(map));

        Assert.Equal("Job data \"since\" is a DateTime: the portal's job store keeps strings only.", error.Message);
    }

    [Fact]
    public void ObjectsOtherThanStringMapsAreRefused()
    {
        var error = Assert.Throws<NotSupportedException>(() => serializer.Serialize(new Quartz.Impl.Calendar.WeeklyCalendar()));

        Assert.Contains("WeeklyCalendar cannot be stored", error.Message);
    }
}
