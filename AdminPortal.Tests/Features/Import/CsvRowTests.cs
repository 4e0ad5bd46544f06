using AdminPortal.Domain.Learning;
using AdminPortal.Features.Import;

namespace AdminPortal.Tests.Features.Import;

public sealed class CsvRowTests
{
    private static (CsvRow Row, ImportErrors Errors) Row(string value)
    {
        var errors = new ImportErrors();
        return (new CsvRow(7, new Dictionary<string, int> { ["value"] = 0 }, [value], errors), errors);
    }

    [Theory]
    [InlineData("2026-01-31", 2026, 1, 31, 0)]
    [InlineData("2026-01-31T14:00:00Z", 2026, 1, 31, 14)]
    [InlineData("2026-01-31T16:00:00+02:00", 2026, 1, 31, 14)]
    [InlineData("2026-01-31 14:00:00", 2026, 1, 31, 14)]
    public void DatesAreReadAsUtc(string text, int year, int month, int day, int hour)
    {
        var (row, errors) = Row(text);

        var date = row.Date("value", required: true);

        Assert.Equal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date!.Value.Kind);
        Assert.Equal(0, errors.Count);
    }

    [Theory]
    [InlineData("31/01/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30")]
    public void OtherDatesAreErrorsOfTheLineAndColumn(string text)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.Date("value", required: true));
        Assert.StartsWith($"line 7: value: '{text}' is not a date", errors.Listed.Single().ToString());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("", true)]
    public void BooleansAcceptTheUsualSpellings(string text, bool expected) => Assert.Equal(expected, Row(text).Row.Bool("value", empty: true));

    [Fact]
    public void ADomainRuleMessageBecomesTheError()
    {
        var (row, errors) = Row("not a mode!");

        Assert.Equal("", row.Text("value", CourseMode.ValidSlug));
        Assert.Equal("line 7: value: 'not a mode!' is not a course mode such as audit or verified.", errors.Listed.Single().ToString());
    }

    [Fact]
    public void OnlyTheFirstHundredErrorsAreKeptButAllAreCounted()
    {
        var errors = new ImportErrors();
        for (var line = 1; line <= 250; line++)
        {
            errors.Add(new ImportError(line, "x", "bad"));
        }

        Assert.Equal((250L, 100), (errors.Count, errors.Listed.Count));
    }
}
