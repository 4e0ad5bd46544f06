using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Accounts;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Highlights;

public partial class HighlightsEditorPage
{
    [Inject] private HighlightsService Highlights { get; set; } = default!;
    [Inject] private CourseAssignmentService Assignments { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    [Parameter] public int CourseId { get; set; }

    private sealed record Shown(string Text, bool Error, string? Html);

    private sealed record Saved(IReadOnlyList<string> Lines, bool Error);

    private HighlightsCourse? course;
    private Dictionary<int, string[]> draft = [];
    private readonly Dictionary<int, Shown> previews = [];
    private Saved? saved;
    private bool loaded, forbidden, saving;

    private IReadOnlyList<HighlightsSection> ChangedSections =>
        course?.Sections.Where(s => !draft[s.Id].SequenceEqual(Stored(s))).ToList() ?? [];

    private static string[] Stored(HighlightsSection section) =>
        Enumerable.Range(0, Section.MaxHighlights).Select(i => section.Highlights.ElementAtOrDefault(i) ?? "").ToArray();

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Actor.GetAsync();
        forbidden = !await Assignments.MayEditAsync(actor, CourseId);
        if (!forbidden)
        {
            course = await Highlights.CourseAsync(CourseId, actor);
            draft = course?.Sections.ToDictionary(s => s.Id, Stored) ?? [];
        }
        loaded = true;
    }

    /// <summary>Saves every section with changes; a section refused keeps its draft and says why.</summary>
    private async Task SaveAsync()
    {
        saving = true;
        var actor = await Actor.GetAsync();
        var lines = new List<string>();
        var savedIds = new List<int>();
        var error = false;
        foreach (var section in ChangedSections)
        {
            var result = await Highlights.SaveAsync(course!.Id, section.Id, draft[section.Id], actor);
            if (result.Succeeded)
            {
                savedIds.Add(section.Id);
                lines.Add(result.Value!.Count == 0
                    ? $"Saved {section.Title}: it has no highlights, so the weeks skip it."
                    : $"Saved {result.Value!.Count} highlight(s) of {section.Title}.");
            }
            else
            {
                error = true;
                lines.Add($"{section.Title}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            }
        }
        course = await Highlights.CourseAsync(course!.Id, actor);
        foreach (var section in course?.Sections ?? [])
        {
            if (savedIds.Contains(section.Id) || !draft.ContainsKey(section.Id))
            {
                draft[section.Id] = Stored(section);
            }
        }
        saved = new Saved(lines, error);
        saving = false;
    }

    private async Task PreviewAsync(HighlightsSection section)
    {
        var (email, week, whyNone) = await Highlights.PreviewAsync(course!, section.Id, draft[section.Id], await Actor.GetAsync());
        previews.Clear();
        previews[section.Id] = email is null
            ? new Shown(whyNone!, true, null)
            : new Shown($"Week {week}: \"{email.Subject}\"" + (whyNone is null ? "" : $" ({whyNone})"), false, email.Html);
    }

    private async Task ToggleEnabledAsync(bool enabled)
    {
        await Highlights.SetEnabledAsync(course!.Id, enabled, await Actor.GetAsync());
        course = await Highlights.CourseAsync(course.Id, await Actor.GetAsync());
    }
}
