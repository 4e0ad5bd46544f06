using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.UpgradeDeadlines;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.UpgradeDeadlines;

public partial class DeadlineExplainerPanel
{
    [Inject] private DeadlineExplainer Explainer { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>A fixed course (the course page); without it the panel asks for a course key.</summary>
    [Parameter] public int? CourseId { get; set; }

    /// <summary>Suggestions for the course key box.</summary>
    [Parameter] public IReadOnlyList<string> CourseKeys { get; set; } = [];

    private readonly string headingId = "explainer-" + Guid.NewGuid().ToString("N")[..8];
    private string courseKey = "";
    private string? dateText;
    private DeadlineExplanation? explanation;
    private string? problem;

    protected override async Task OnInitializedAsync()
    {
        dateText = PortalFormat.Day(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        await RefreshAsync();
    }

    /// <summary>Explains again: after a save on the same page, say.</summary>
    public async Task RefreshAsync()
    {
        var actor = await Actor.GetAsync();
        (explanation, problem) = (null, null);
        if (PortalFormat.ParseDay(dateText?.Trim()) is not { } day)
        {
            // Never silently the course start: the deadline depends on the day the learner enrolls.
            problem = "Enter an enrollment date (yyyy-MM-dd): the deadline depends on the day the learner enrolls.";
            StateHasChanged();
            return;
        }
        var enrolled = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (CourseId is { } id)
        {
            explanation = await Explainer.ExplainAsync(id, enrolled, actor);
        }
        else if (!string.IsNullOrWhiteSpace(courseKey))
        {
            explanation = await Explainer.ExplainAsync(courseKey, enrolled, actor);
            problem = explanation is null ? $"No course has the key {courseKey.Trim()}." : null;
        }
        StateHasChanged();
    }

    private async Task CourseKeyChangedAsync(string? key)
    {
        courseKey = key ?? "";
        await RefreshAsync();
    }

    private async Task DateChangedAsync(string? text)
    {
        dateText = text;
        await RefreshAsync();
    }

    private Task<IEnumerable<string>> SuggestAsync(string? text, CancellationToken cancellationToken) => Task.FromResult(
        CourseKeys.Where(k => string.IsNullOrWhiteSpace(text) || k.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string LevelText(DeadlineExplanation e) => e.Level switch
    {
        DeadlineLevel.None => "nothing: no level enables a dynamic deadline",
        _ => char.ToUpperInvariant(e.Decider[0]) + e.Decider[1..],
    };
}
