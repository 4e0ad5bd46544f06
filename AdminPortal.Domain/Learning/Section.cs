using AdminPortal.Domain.Text;

namespace AdminPortal.Domain.Learning;

/// <summary>A section (chapter) of a course outline, with the highlights its authors wrote for the weekly email.</summary>
public sealed class Section
{
    public const int MaxHighlights = 5;
    public const int MaxHighlightLength = 250;

    private Section()
    {
    }

    public Section(int courseId, string blockId, int position, string title, bool hidden)
    {
        CourseId = courseId;
        BlockId = ValidBlockId(blockId);
        Update(position, title, hidden);
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }

    /// <summary>The LMS's id of the section; publishes and imports match sections by it.</summary>
    public string BlockId { get; private set; } = "";
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public bool HiddenFromToc { get; private set; }
    public IReadOnlyList<string> Highlights { get; private set; } = [];

    public bool HasHighlights => Highlights.Count > 0;

    /// <summary>The outline's facts, as a publish sends them; never the highlights.</summary>
    public void Update(int position, string title, bool hidden)
    {
        title = title.Trim();
        if (position < 0)
        {
            throw new DomainException("A section position is 0 or more.");
        }
        Position = position;
        Title = title.Length is > 0 and <= 255 ? ControlCharacters.Refuse(title, "A section title") : throw new DomainException("A section title has 1 to 255 characters.");
        HiddenFromToc = hidden;
    }

    public void SetHighlights(IEnumerable<string?> highlights) => Highlights = ValidHighlights(highlights);

    /// <summary>Trims each highlight and drops empty ones; more than 5, or one over 250 characters, is refused.</summary>
    public static IReadOnlyList<string> ValidHighlights(IEnumerable<string?> highlights)
    {
        var list = highlights.Select(h => h?.Trim() ?? "").Where(h => h.Length > 0).ToList();
        if (list.Count > MaxHighlights)
        {
            throw new DomainException($"A section has at most {MaxHighlights} highlights, not {list.Count}.");
        }
        var index = list.FindIndex(h => h.Length > MaxHighlightLength);
        if (index >= 0)
        {
            throw new DomainException($"Highlight {index + 1}: {TooLong(list[index])}");
        }
        index = list.FindIndex(ControlCharacters.AnyIn);
        return index < 0 ? list : throw new DomainException($"Highlight {index + 1} {ControlCharacters.Rule}.");
    }

    public static string ValidHighlight(string highlight)
    {
        highlight = highlight.Trim();
        return highlight.Length <= MaxHighlightLength ? ControlCharacters.Refuse(highlight, "A highlight") : throw new DomainException(TooLong(highlight));
    }

    private static string TooLong(string highlight) =>
        $"A highlight has at most {MaxHighlightLength} characters; this one has {highlight.Length}.";

    public static string ValidBlockId(string blockId)
    {
        blockId = blockId.Trim();
        return blockId.Length is > 0 and <= 255 ? blockId : throw new DomainException("A section id has 1 to 255 characters.");
    }
}
