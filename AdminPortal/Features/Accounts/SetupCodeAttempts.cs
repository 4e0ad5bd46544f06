namespace AdminPortal.Features.Accounts;

/// <summary>
/// Wrong set-up codes per client address, over the last minute: past <see cref="PerMinute"/> the page refuses to check
/// more, so the code (60 bits) cannot be guessed by trying. Kept in memory: the set-up page lives minutes, in one process.
/// </summary>
public sealed class SetupCodeAttempts(TimeProvider clock)
{
    public const int PerMinute = 10;

    private readonly Dictionary<string, Queue<DateTime>> wrong = [];

    public bool IsBlocked(string client)
    {
        lock (wrong)
        {
            return Recent(client).Count >= PerMinute;
        }
    }

    public void Wrong(string client)
    {
        lock (wrong)
        {
            Recent(client).Enqueue(clock.GetUtcNow().UtcDateTime);
        }
    }

    private Queue<DateTime> Recent(string client)
    {
        if (!wrong.TryGetValue(client, out var times))
        {
            wrong[client] = times = new Queue<DateTime>();
        }
        var since = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        while (times.Count > 0 && times.Peek() <= since)
        {
            times.Dequeue();
        }
        return times;
    }
}
