using AdminPortal.Email;
using MimeKit;

namespace AdminPortal.Tests.Email;

/// <summary>The MIME message both channels send.</summary>
public sealed class OutgoingEmailTests
{
    [Fact]
    public void EveryAttemptOfAMessageCarriesItsOwnMessageIdAndNoOther()
    {
        var uuid = Guid.NewGuid();
        var email = new OutgoingEmail("learner@example.org", "Keep going", "<p>Hello</p>", "Hello", "recurringnudge_day3", uuid, Guid.NewGuid());

        var mime = email.ToMime("learning@example.org");
        using var written = new MemoryStream();
        mime.WriteTo(written);
        var text = System.Text.Encoding.UTF8.GetString(written.ToArray());

        Assert.Equal($"{uuid}@admin-portal", mime.MessageId);
        Assert.Single(mime.Headers, h => h.Id == HeaderId.MessageId);
        Assert.Matches($"(?im)^Message-Id: <{uuid}@admin-portal>\r?$", text);
        Assert.NotEqual(default, mime.Date);
        Assert.Equal(["learning@example.org"], mime.From.Mailboxes.Select(m => m.Address));
        Assert.Equal(["learner@example.org"], mime.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Keep going", mime.Subject);
        Assert.Equal("recurringnudge_day3", mime.Headers["X-Portal-Message"]);
        Assert.Equal("Hello", mime.TextBody?.Trim());
        Assert.Contains("<p>Hello</p>", mime.HtmlBody);
    }
}
