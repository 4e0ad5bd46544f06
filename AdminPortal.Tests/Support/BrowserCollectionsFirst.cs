using Xunit.Abstractions;

[assembly: TestCollectionOrderer("AdminPortal.Tests.Support.BrowserCollectionsFirst", "AdminPortal.Tests")]

namespace AdminPortal.Tests.Support;

/// <summary>
/// Starts the end-to-end collections first: each runs its browser tests one after another for over a minute, so started
/// last they would finish long after the rest; started first, the short collections fill the other threads around them.
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName.StartsWith("End to end", StringComparison.Ordinal) ? 0 : 1);
}
