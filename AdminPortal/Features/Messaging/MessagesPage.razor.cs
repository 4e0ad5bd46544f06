using System.Globalization;
using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Messaging;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Messaging;

public partial class MessagesPage
{
    private static readonly IReadOnlyList<SelectOption> NameOptions =
        [new("", "All"), .. MessageTypes.All.Select(t => new SelectOption(t.Name, MessageTitles.Of(t)))];

    [Inject] private MessagingBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The filters live in the address, so Back, a reload and a shared link keep them.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Learner { get; set; }

    [SupplyParameterFromQuery(Name = "message")] public string? Name { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    [SupplyParameterFromQuery(Name = "day")] public string? Day { get; set; }

    private MudDataGrid<MessageRow>? grid;
    private MessageFilter? loaded;

    private DateOnly? ParsedDay =>
        DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private DateTime? QueuedOn => ParsedDay?.ToDateTime(TimeOnly.MinValue);

    private MessageFilter Filter => new(Learner ?? "", string.IsNullOrEmpty(Name) ? null : Name, ParsedDay);

    protected override async Task OnParametersSetAsync()
    {
        if (grid is not null && loaded != Filter)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task<GridData<MessageRow>> LoadAsync(GridState<MessageRow> state, CancellationToken cancellationToken)
    {
        loaded = Filter;
        return (await Browser.MessagesAsync(loaded, state.ToPageRequest(), await Actor.GetAsync(), cancellationToken)).ToGridData();
    }

    private void LearnerChanged(string? learner) => Go("q", string.IsNullOrWhiteSpace(learner) ? null : learner.Trim());

    private void NameChanged(string? name) => Go("message", string.IsNullOrEmpty(name) ? null : name);

    private void DayChanged(DateTime? day) => Go("day", day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void Go(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, value), replace: true);

    public static string StateText(OutboxState state) => state switch
    {
        OutboxState.DeliveryDisabled => "not delivered: delivery disabled",
        _ => state.ToString().ToLowerInvariant(),
    };
}
