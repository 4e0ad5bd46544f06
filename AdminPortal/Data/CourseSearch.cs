using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

public static class CourseSearch
{
    /// <summary>The courses whose key or name contains <paramref name="text"/> (ASCII case ignored); all of them when it is blank.</summary>
    public static IQueryable<Course> WhereKeyOrNameContains(this IQueryable<Course> courses, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return courses;
        }
        var pattern = LikePattern.Containing(text.Trim());
        return courses.Where(c => EF.Functions.Like(c.Key, pattern, LikePattern.Escape) || EF.Functions.Like(c.DisplayName, pattern, LikePattern.Escape));
    }
}
