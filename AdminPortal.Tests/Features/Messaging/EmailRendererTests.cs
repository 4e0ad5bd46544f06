using AdminPortal.Domain.Messaging;
using AdminPortal.Features.Messaging.Emails;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Messaging;

public sealed class EmailRendererTests
{
    private static ResolvedMessage Nudge(string username, params MessageCourseRef[] courses) => new(
        MessageTypes.TargetsFor(MessageKind.RecurringNudge, new DateOnly(2026, 3, 5))[0], 7, username, $"{username}@example.org", null, "en",
        courses, [], null, null, false);

    [Fact]
    public async Task OneMessageThatCannotBeRenderedFailsAloneAndTheOthersRender()
    {
        await using var portal = await PortalServices.StartAsync();
        var course = new MessageCourseRef(1, "course-v1:MITx+6.00x+2026_T1", "Intro");

        var results = await portal.Get<EmailRenderer>().RenderAsync([(Nudge("ada", course), Guid.NewGuid()), (Nudge("broken"), Guid.NewGuid()), (Nudge("bob", course), Guid.NewGuid())]);

        Assert.Equal([true, false, true], results.Select(r => r.Email is not null));
        Assert.NotNull(results[1].Error);
        Assert.Equal("Keep learning in Intro", results[2].Email!.Subject);
    }

    [Fact]
    public void ASubjectIsOneLineWhateverTheCourseNameHolds()
    {
        var message = Nudge("ada", new MessageCourseRef(1, "course-v1:MITx+6.00x+2026_T1", "Intro\r\nBcc: everyone@example.org\u202E"));

        Assert.Equal("Keep learning in Intro Bcc: everyone@example.org", EmailComposer.Subject(message, "Open Learning"));
    }
}
