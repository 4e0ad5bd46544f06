using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

internal static class AccountQueries
{
    private static readonly string SuperuserNormalized = PortalRoles.Superuser.ToUpperInvariant();

    /// <summary>The role names of these accounts in one query, so a list never asks per account.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(PortalDbContext db, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userIds.Contains(userRole.UserId)
            select new { userRole.UserId, role.Name }).AsNoTracking().ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name!).Order().ToList());
    }

    public static Task<bool> AnySuperuserAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        SuperuserLockouts(db).AnyAsync(cancellationToken);

    /// <summary>Superusers that are not disabled (a temporary lockout after failed sign-ins still counts).</summary>
    public static async Task<int> CountActiveSuperusersAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var lockouts = await SuperuserLockouts(db).ToListAsync(cancellationToken);
        return lockouts.Count(end => end != DateTimeOffset.MaxValue);
    }

    private static IQueryable<DateTimeOffset?> SuperuserLockouts(PortalDbContext db) =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.NormalizedName == SuperuserNormalized
        select user.LockoutEnd;
}
