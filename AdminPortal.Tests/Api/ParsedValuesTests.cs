using AdminPortal.Api;
using AdminPortal.Features.Courses;
using FluentValidation;

namespace AdminPortal.Tests.Api;

/// <summary>A validator's domain rules hand over what they parsed, so the service that validated parses nothing again.</summary>
public sealed class ParsedValuesTests
{
    private static readonly CoursePublishValidator Validator = new();

    private static CoursePublish Publish(params SectionPublish[] sections) =>
        new("Intro", null, DateTime.UtcNow, null, true, null, null, sections);

    [Fact]
    public void EachValidFieldKeepsItsParsedValueByItsPathListItemsIncluded()
    {
        var checks = new ValidationContext<CoursePublish>(Publish(new("  block-1 ", "One", 0, false), new("block-2", "Two", 1, false)));

        Assert.True(Validator.Validate(checks).IsValid);
        Assert.Equal("block-1", checks.Parsed<CoursePublish, string>("Sections[0].Id"));
        Assert.Equal("block-2", checks.Parsed<CoursePublish, string>("Sections[1].Id"));
    }

    [Fact]
    public void AnInvalidFieldHasNoParsedValueToTake()
    {
        var checks = new ValidationContext<CoursePublish>(Publish(new SectionPublish(new string('x', 256), "One", 0, false)));

        Assert.False(Validator.Validate(checks).IsValid);
        var error = Assert.Throws<InvalidOperationException>(() => checks.Parsed<CoursePublish, string>("Sections[0].Id"));
        Assert.Equal("No valid Sections[0].Id was parsed: validate the request before reading it.", error.Message);
    }
}
