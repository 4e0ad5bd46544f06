using AdminPortal.Domain;
using AdminPortal.Domain.Learning;

namespace AdminPortal.Tests.Domain.Learning;

public sealed class SectionRulesTests
{
    [Fact]
    public void HighlightsAreTrimmedAndEmptyOnesDropped() =>
        Assert.Equal(["One", "Two"], Section.ValidHighlights(["  One ", "", null, "Two", "   "]));

    [Fact]
    public void FiveHighlightsOfTwoHundredFiftyCharactersAreAllowed() =>
        Assert.Equal(5, Section.ValidHighlights(Enumerable.Repeat(new string('x', 250), 5)).Count);

    [Fact]
    public void ASixthHighlightIsRefused() =>
        Assert.Equal("A section has at most 5 highlights, not 6.",
            Assert.Throws<DomainException>(() => Section.ValidHighlights(Enumerable.Repeat("x", 6))).Message);

    [Fact]
    public void AHighlightOverTwoHundredFiftyCharactersIsNamed() =>
        Assert.Equal("Highlight 2: A highlight has at most 250 characters; this one has 251.",
            Assert.Throws<DomainException>(() => Section.ValidHighlights(["ok", new string('x', 251)])).Message);

    [Fact]
    public void AnOutlineUpdateNeverTouchesHighlights()
    {
        var section = new Section(1, "week1", 1, "Week 1", hidden: false);
        section.SetHighlights(["Kept"]);

        section.Update(2, "Week 1, renamed", hidden: true);

        Assert.Equal(["Kept"], section.Highlights);
        Assert.Equal((2, "Week 1, renamed", true), (section.Position, section.Title, section.HiddenFromToc));
    }
}
