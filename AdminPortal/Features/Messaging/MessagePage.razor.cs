using System.Text.RegularExpressions;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Messaging;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Messaging;

public partial class MessagePage
{
    [Inject] private MessagingBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private OutboxMessage? message;
    private bool loaded;

    /// <summary>Looking at a message here must not count as the learner opening it.</summary>
    private static string WithoutPixel(string html) =>
        Regex.Replace(html, "src=\"[^\"]*/api/messages/[0-9a-fA-F-]+/open\\.gif\"", "src=\"\"");

    protected override async Task OnParametersSetAsync()
    {
        message = await Browser.MessageAsync(Id, await Actor.GetAsync());
        loaded = true;
    }
}
