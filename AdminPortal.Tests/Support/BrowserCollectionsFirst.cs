using Xunit.Abstractions;

[assembly: TestCollectionOrderer("AdminPortal.Tests.Support.BrowserCollectionsFirst", "AdminPortal.Tests")]

namespace AdminPortal.Tests.Support;

/// <summary>
/// Starts the end-to-end collections first, then the classes marked <see cref="StartsEarlyAttribute"/> (SQLite's and their
/// PostgreSQL copies): each runs for tens of seconds, so started last they would finish long after the rest; started first,
/// the short collections fill the other threads around them.
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName.StartsWith("End to end", StringComparison.Ordinal) ? 0
            : StartsEarly(collection) ? 1
            : 2);

    private static bool StartsEarly(ITestCollection collection)
    {
        if (!collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var className = collection.DisplayName[ClassCollectionPrefix.Length..].Split(' ')[0];
        return typeof(BrowserCollectionsFirst).Assembly.GetType(className)?.IsDefined(typeof(StartsEarlyAttribute), inherit: false) == true;
    }
}

/// <summary>A test class that runs for tens of seconds, mostly waiting (on processes, a cluster's outage): its collection starts early.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsEarlyAttribute : Attribute;
