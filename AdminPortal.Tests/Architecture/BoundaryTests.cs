using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace AdminPortal.Tests.Architecture;

/// <summary>
/// The boundaries the README's Architecture section draws, held by tests: shared infrastructure uses no feature, features form no
/// cycle, each feature registers its own types from its own folder, and the domain knows nothing of the web, EF or Quartz.
/// </summary>
public sealed class BoundaryTests
{
    private const string Features = "AdminPortal.Features";
    private static readonly Assembly Portal = typeof(Program).Assembly;
    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Of(Portal));

    /// <summary>What every feature may use and none may own: the data layer, the jobs platform, email, HTTP helpers, results, the UI shell.</summary>
    public static TheoryData<string> SharedInfrastructure() =>
        ["AdminPortal.Data", "AdminPortal.Jobs", "AdminPortal.Email", "AdminPortal.Http", "AdminPortal.Api", "AdminPortal.Components",
            "AdminPortal.Hosting", "AdminPortal.Cli"];

    [Theory]
    [MemberData(nameof(SharedInfrastructure))]
    public void SharedInfrastructureUsesNoFeature(string infrastructure)
    {
        var result = Types.InAssembly(Portal).That().ResideInNamespaceMatching($@"^{infrastructure.Replace(".", @"\.")}(\..+)?$")
            .ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, $"{infrastructure} uses a feature in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void TheDomainKnowsNothingOfTheWebTheDatabaseOrTheScheduler()
    {
        var result = Types.InAssembly(typeof(AdminPortal.Domain.DomainException).Assembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data", "Quartz", "AdminPortal.Features",
                "System.Net.Http", "System.IO.File")
            .GetResult();

        Assert.True(result.IsSuccessful, $"The domain reaches out in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void FeaturesFormNoCycle()
    {
        var edges = Graph.Value.Namespaces.Select(FeatureOf).OfType<string>().Distinct()
            .ToDictionary(feature => feature, feature => FeatureUses(feature).Keys.ToList());

        var cycle = FindCycle(edges);

        Assert.True(cycle is null, cycle is null ? "" : $"Features depend on each other in a circle: {string.Join(" -> ", cycle)} " +
            $"({string.Join("; ", cycle.Zip(cycle.Skip(1), (from, to) => $"{from} -> {to} in {string.Join(", ", FeatureUses(from)[to].Take(3))}"))})");
    }

    [Fact]
    public void EachFeatureRegistersFromItsOwnFolderAndInAServiceCollectionExtensionsClass()
    {
        var misplaced = Registrations().Where(m => FeatureOf(m.DeclaringType!.Namespace!) is null || !m.DeclaringType.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}").ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void EachFeatureRegistersOnlyItsOwnTypes()
    {
        var foreign = new List<string>();
        var registrations = Registrations().ToList();
        Assert.Contains(registrations, m => m.Name == "AddPortalSchedules");
        foreach (var registration in registrations)
        {
            var feature = FeatureOf(registration.DeclaringType!.Namespace!)!;
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = Portal.GetName().Name });
            var before = builder.Services.Count;
            registration.Invoke(null, [builder]);
            foreach (var descriptor in builder.Services.Skip(before))
            {
                foreach (var type in TypesOf(descriptor).Where(t => t.Assembly == Portal && FeatureOf(t.Namespace ?? "") is { } owner && owner != feature))
                {
                    foreign.Add($"{registration.Name} ({feature}) registers {type.FullName}");
                }
            }
        }

        Assert.Empty(foreign.Distinct());
    }

    /// <summary>Each feature's AddXyz(WebApplicationBuilder) methods, wherever they are declared.</summary>
    private static IEnumerable<MethodInfo> Registrations() =>
        Portal.GetTypes().Where(t => t.Namespace?.StartsWith(Features + ".", StringComparison.Ordinal) == true && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.ReturnType == typeof(WebApplicationBuilder)
                && m.GetParameters() is [{ ParameterType: var only }] && only == typeof(WebApplicationBuilder));

    private static IEnumerable<Type> TypesOf(ServiceDescriptor descriptor)
    {
        var implementation = descriptor.IsKeyedService
            ? descriptor.KeyedImplementationType ?? descriptor.KeyedImplementationInstance?.GetType()
            : descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType();
        return new[] { descriptor.ServiceType, implementation }.OfType<Type>().SelectMany(WithTypeArguments);
    }

    private static IEnumerable<Type> WithTypeArguments(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(WithTypeArguments).Prepend(type) : [type];

    /// <summary>"AdminPortal.Features.Messaging" for "AdminPortal.Features.Messaging.Emails"; null outside the features.</summary>
    private static string? FeatureOf(string ns) =>
        ns.StartsWith(Features + ".", StringComparison.Ordinal) ? string.Join('.', ns.Split('.').Take(3)) : null;

    /// <summary>The other features a feature uses, each with the feature's types that use it.</summary>
    private static Dictionary<string, SortedSet<string>> FeatureUses(string feature)
    {
        var uses = new Dictionary<string, SortedSet<string>>();
        foreach (var ns in Graph.Value.Namespaces.Where(n => FeatureOf(n) == feature))
        {
            foreach (var (target, users) in Graph.Value.UsesOf(ns))
            {
                if (FeatureOf(target) is { } other && other != feature)
                {
                    (uses.TryGetValue(other, out var set) ? set : uses[other] = []).UnionWith(users);
                }
            }
        }
        return uses;
    }

    /// <summary>A path that starts and ends at the same feature, or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, List<string>> edges)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path[at..], node];
            }
            if (!done.Add(node))
            {
                return null;
            }
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return edges.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
