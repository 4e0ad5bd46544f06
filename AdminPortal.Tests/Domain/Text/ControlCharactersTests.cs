using AdminPortal.Domain.Text;

namespace AdminPortal.Tests.Domain.Text;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("delete\u007F")]
    [InlineData("c1 \u0085 next line")]
    [InlineData("right-to-left \u202E override")]
    [InlineData("isolate \u2066 start")]
    [InlineData("pop \u2069")]
    public void ControlAndTextDirectionCharactersAreRefused(string text) => Assert.True(ControlCharacters.AnyIn(text));

    [Theory]
    [InlineData("Intro to Computer Science")]
    [InlineData("Éléments de programmation — niveau 1")]
    [InlineData("עברית and العربية")]
    [InlineData("emoji 🎓 and zero-width joiner 👩‍💻")]
    [InlineData("")]
    [InlineData(null)]
    public void OrdinaryTextInAnyScriptIsAccepted(string? text) => Assert.False(ControlCharacters.AnyIn(text));

    [Fact]
    public void OneLineTurnsEachRunOfControlsAndSpacesIntoOneSpace() =>
        Assert.Equal("a b c d", ControlCharacters.OneLine("\r\na \r\n b\t\tc\u202Ed\n"));
}
