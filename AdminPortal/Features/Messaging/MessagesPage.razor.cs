using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Messaging;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Messaging;

public partial class MessagesPage
{
    private static readonly IReadOnlyList<SelectOption> NameOptions =
        [new("", "All"), .. MessageTypes.All.Select(t => new SelectOption(t.Name, MessageTitles.Of(t)))];

    [Inject] private MessagingBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The filters live in the address, so Back, a reload and a shared link keep them.</summary>
    private const string LearnerKey = "q", NameKey = "message", DayKey = "day";

    [SupplyParameterFromQuery(Name = LearnerKey)] public string? Learner { get; set; }

    [SupplyParameterFromQuery(Name = NameKey)] public string? Name { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    [SupplyParameterFromQuery(Name = DayKey)] public string? Day { get; set; }

    private AddressedGrid<MessageRow, MessageFilter> rows = default!;

    private DateOnly? ParsedDay => PortalFormat.ParseDay(Day);

    private DateTime? QueuedOn => ParsedDay?.ToDateTime(TimeOnly.MinValue);

    private MessageFilter Filter => new(Learner ?? "", string.IsNullOrEmpty(Name) ? null : Name, ParsedDay);

    protected override void OnInitialized() =>
        rows = new(Navigation, [25, 50, 100], () => Filter, async (filter, page, cancellationToken) =>
            (await Browser.MessagesAsync(filter, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();

    private void DayChanged(DateTime? day) => rows.Filter(DayKey, PortalFormat.Day(day));

    public static string StateText(OutboxState state) => state switch
    {
        OutboxState.DeliveryDisabled => "Not delivered: delivery disabled",
        _ => state.ToString(), // Queued, Sent, Failed
    };
}
