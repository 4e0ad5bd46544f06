namespace AdminPortal.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until <paramref name="probe"/> finds something; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 20) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeoutSeconds} s waiting for {what}");
            await Task.Delay(100);
        }
    }
}
