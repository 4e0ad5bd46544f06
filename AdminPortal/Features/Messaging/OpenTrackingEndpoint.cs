using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// The open pixel of every email: anonymous (mail clients load it), it records the first open of the message and answers
/// a 1x1 transparent GIF whatever the uuid, so it tells nothing to someone guessing.
/// </summary>
public static class OpenTrackingEndpoint
{
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static WebApplication MapPortalMessaging(this WebApplication app)
    {
        app.MapGet("/api/messages/{uuid:guid}/open.gif", async (Guid uuid, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Uuid == uuid && m.OpenedUtc == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.OpenedUtc, now), ct);
            return Results.File(Pixel, "image/gif");
        }).AllowAnonymous();
        return app;
    }
}
