using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Sites;
using AdminPortal.Jobs;
using FluentValidation;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Messaging;

public partial class MessagingPage
{
    private static readonly IReadOnlyList<SelectOption> KindOptions =
        Enum.GetValues<MessageKind>().Select(k => new SelectOption(k.ToString(), MessageTitles.PluralOf(k))).ToList();

    [Inject] private MessagingRunner Runner { get; set; } = default!;
    [Inject] private MessagingBrowser Browser { get; set; } = default!;
    [Inject] private IValidator<MessagingRequest> Validator { get; set; } = default!;
    [Inject] private SiteService Sites { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ActorEmails ActorEmails { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<MessagingPage> Logger { get; set; } = default!;

    private IReadOnlyList<SelectOption> siteOptions = [new("", "Every site")];
    private IReadOnlyList<MessageRun> runs = [];
    private IReadOnlyList<string> errors = [];
    private MessagingOutcome? outcome;
    private LiveRefresh? refresh;
    private string kind = nameof(MessageKind.CourseUpdate), site = "", channel = "";
    private string? recipient;
    private int? weeks;
    private DateOnly? runDate;
    private bool dryRun = true, running, canManage;
    private double progressValue;
    private string progressText = "";

    private DateTime? RunDate
    {
        get => runDate?.ToDateTime(TimeOnly.MinValue);
        set => runDate = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        channel = Runner.ChannelSeenBy(actor);
        runDate = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        siteOptions = [new("", "Every site"), .. (await Sites.ListAsync()).Select(s => new SelectOption(s.Domain, s.Domain))];
        runs = await Browser.RecentRunsAsync(actor);
        refresh = LiveRefresh.Start(TimeSpan.FromSeconds(3), () => InvokeAsync(ReloadRunsAsync), Logger);
    }

    private async Task ReloadRunsAsync()
    {
        runs = await Browser.RecentRunsAsync(await Actor.GetAsync());
        StateHasChanged();
    }

    private async Task RunAsync()
    {
        var actor = await Actor.GetAsync();
        actor.Demand(PortalPolicies.ManagePortal);
        var startedBy = new JobStart(JobStarter.User, await ActorEmails.OfAsync(actor), "Run now");
        var request = new MessagingRequest(Enum.Parse<MessageKind>(kind), runDate ?? default, startedBy, site.Length == 0 ? null : site,
            string.IsNullOrWhiteSpace(recipient) ? null : recipient.Trim(), dryRun, kind == nameof(MessageKind.CourseUpdate) ? weeks : null);
        var validation = Validator.Validate(request);
        errors = validation.Errors.Select(e => e.ErrorMessage).ToList();
        if (!validation.IsValid)
        {
            return;
        }
        (running, outcome, progressValue, progressText) = (true, null, 0, "Starting…");
        var verb = dryRun ? "would queue" : "queued";
        try
        {
            // Not tied to this page: leaving it does not stop a run, which the Recent runs table keeps following.
            outcome = await Task.Run(() => Runner.RunAsync(request, run => _ = InvokeAsync(() =>
            {
                progressValue = 100.0 * run.BinsDone / MessageTypes.Bins;
                progressText = $"{run.SiteDomain}: bin {run.BinsDone} of {MessageTypes.Bins}, {run.Queued} {verb}";
                StateHasChanged();
            }), CancellationToken.None));
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Messaging run {Request} failed", request);
            errors = [$"The run failed: {e.Message}. What was queued stays queued and the message-delivery job sends it; run it again to queue the rest."];
        }
        finally
        {
            running = false;
            await ReloadRunsAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (refresh is not null)
        {
            await refresh.DisposeAsync();
        }
    }
}
