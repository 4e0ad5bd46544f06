using System.Collections.Concurrent;
using System.Reflection;
using AdminPortal.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("AdminPortal.Tests.Support.PostgreSqlCopies", "AdminPortal.Tests")]

namespace AdminPortal.Tests.Support;

/// <summary>
/// xUnit as usual, plus, where <c>PORTAL_TEST_POSTGRES</c> names a cluster (scripts/test.sh starts one), a PostgreSQL copy of
/// every test class marked <see cref="RunsOnPostgreSqlAttribute"/> (less its <see cref="SqliteOnlyAttribute"/> tests), run in
/// the same test host as the rest: a second host would compile the portal's code again, about half of its CPU time.
/// A copy is a class named <c>…OnPostgreSql</c> in a collection of its own, so it has fixtures of its own, and its
/// collection's runner sets <see cref="TestDatabase.ForThisTest"/> for everything the copy runs.
/// </summary>
public sealed class PostgreSqlCopies(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string ClassSuffix = "OnPostgreSql";
    private const string CollectionSuffix = " on PostgreSQL";

    /// <summary>Copies are made when the run has a cluster and runs on SQLite (a SQL Server run has none).</summary>
    private static bool MakesCopies => Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 }
        && TestDatabase.RunProvider == DatabaseProvider.Sqlite;

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        private readonly ConcurrentDictionary<Guid, ITestCollection> copiedCollections = new();

        protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (!base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions))
            {
                return false;
            }
            if (!MakesCopies || !testClass.Class.GetCustomAttributes(typeof(RunsOnPostgreSqlAttribute)).Any())
            {
                return true;
            }
            var collection = copiedCollections.GetOrAdd(testClass.TestCollection.UniqueID, _ => new TestCollection(
                testClass.TestCollection.TestAssembly, testClass.TestCollection.CollectionDefinition, testClass.TestCollection.DisplayName + CollectionSuffix));
            var copy = new CopiedTestClass(collection, testClass.Class);
            return base.FindTestsForType(copy, includeSourceInformation, new WithoutSqliteOnlyTests(messageBus), discoveryOptions);
        }

        // The short form of a plain fact names the class by its type, which a copy's name is not.
        public override string Serialize(ITestCase testCase) => testCase.TestMethod.TestClass is CopiedTestClass
            ? SerializationHelper.Serialize(testCase)
            : base.Serialize(testCase);
    }

    private sealed class WithoutSqliteOnlyTests(IMessageBus inner) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message) =>
            message is ITestCaseDiscoveryMessage discovered
            && discovered.TestCase.TestMethod.Method.GetCustomAttributes(typeof(SqliteOnlyAttribute)).Any()
            || inner.QueueMessage(message);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceProvider, diagnosticMessageSink)
    {
        protected override ITestFrameworkDiscoverer CreateDiscoverer() =>
            new Discoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        // Async, so the provider set here stays with this collection's flow and leaves the caller's as it was.
        protected override async Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection,
            IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            if (testCollection.DisplayName.EndsWith(CollectionSuffix, StringComparison.Ordinal))
            {
                TestDatabase.UseInThisFlow(DatabaseProvider.PostgreSql);
            }
            return await base.RunTestCollectionAsync(messageBus, testCollection, testCases, cancellationTokenSource);
        }
    }

    /// <summary>A test class's PostgreSQL copy: the same type under the name <c>{class}OnPostgreSql</c>.</summary>
    public sealed class CopiedTestClass : LongLivedMarshalByRefObject, ITestClass
    {
        [Obsolete("Called by the deserializer", error: true)]
        public CopiedTestClass()
        {
        }

        public CopiedTestClass(ITestCollection testCollection, ITypeInfo original)
        {
            TestCollection = testCollection;
            Class = new RenamedType((IReflectionTypeInfo)original);
        }

        public ITypeInfo Class { get; private set; } = null!;

        public ITestCollection TestCollection { get; private set; } = null!;

        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue("TestCollection", TestCollection);
            info.AddValue("Type", ((IReflectionTypeInfo)Class).Type.AssemblyQualifiedName);
        }

        public void Deserialize(IXunitSerializationInfo info)
        {
            TestCollection = info.GetValue<ITestCollection>("TestCollection");
            Class = new RenamedType((IReflectionTypeInfo)Reflector.Wrap(Type.GetType(info.GetValue<string>("Type"), throwOnError: true)));
        }
    }

    private sealed class RenamedType(IReflectionTypeInfo original) : LongLivedMarshalByRefObject, IReflectionTypeInfo
    {
        public Type Type => original.Type;

        public string Name { get; } = original.Name + ClassSuffix;

        public IAssemblyInfo Assembly => original.Assembly;

        public ITypeInfo BaseType => original.BaseType;

        public IEnumerable<ITypeInfo> Interfaces => original.Interfaces;

        public bool IsAbstract => original.IsAbstract;

        public bool IsGenericParameter => original.IsGenericParameter;

        public bool IsGenericType => original.IsGenericType;

        public bool IsSealed => original.IsSealed;

        public bool IsValueType => original.IsValueType;

        public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) =>
            original.GetCustomAttributes(assemblyQualifiedAttributeTypeName);

        public IEnumerable<ITypeInfo> GetGenericArguments() => original.GetGenericArguments();

        public IMethodInfo GetMethod(string methodName, bool includePrivateMethod) => original.GetMethod(methodName, includePrivateMethod);

        public IEnumerable<IMethodInfo> GetMethods(bool includePrivateMethods) => original.GetMethods(includePrivateMethods);
    }
}
