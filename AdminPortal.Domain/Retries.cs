namespace AdminPortal.Domain;

/// <summary>How long a retried call waits, shared by everything that calls another server.</summary>
public static class Retries
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (2 = the first retry): base, 2 x base, 4 x base...</summary>
    public static TimeSpan DoublingDelay(int attempt, TimeSpan baseDelay) => baseDelay * Math.Pow(2, attempt - 2);
}
