using AdminPortal.Domain.Integration;

namespace AdminPortal.Features.ApiKeys;

/// <summary>One policy per API key scope; only the API key scheme can satisfy them.</summary>
public static class ApiPolicies
{
    public const string Enrollments = "Api:" + nameof(ApiScope.Enrollments);
    public const string Courses = "Api:" + nameof(ApiScope.Courses);
    public const string Support = "Api:" + nameof(ApiScope.Support);

    public static IReadOnlyDictionary<string, ApiScope> All { get; } = new Dictionary<string, ApiScope>
    {
        [Enrollments] = ApiScope.Enrollments,
        [Courses] = ApiScope.Courses,
        [Support] = ApiScope.Support,
    };
}
