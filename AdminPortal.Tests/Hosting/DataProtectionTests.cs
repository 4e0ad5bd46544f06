using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Hosting;

[RunsOnPostgreSql]
public class DataProtectionTests
{
    [Fact]
    public async Task WhatOneProcessProtectsAnotherOnTheSameDatabaseReads()
    {
        using var directory = TestDirectory.CreateMigrated("protection");
        await using var first = await PortalServices.StartOnAsync(directory);
        await using var second = await PortalServices.StartOnAsync(directory);

        var secret = first.Get<IDataProtectionProvider>().CreateProtector("tests").Protect("catalog token");

        Assert.Equal("catalog token", second.Get<IDataProtectionProvider>().CreateProtector("tests").Unprotect(secret));
    }

    [Fact]
    public async Task OnAServerDatabaseTheKeysAreItsRowsAndOnSqliteFilesBesideIt()
    {
        using var directory = TestDirectory.CreateMigrated("protection");
        await using var portal = await PortalServices.StartOnAsync(directory);
        portal.Get<IDataProtectionProvider>().CreateProtector("tests").Protect("anything");

        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var rows = await db.DataProtectionKeys.CountAsync();
        var files = Directory.Exists(Path.Combine(directory.Path, "keys")) ? Directory.GetFiles(Path.Combine(directory.Path, "keys")).Length : 0;

        Assert.Equal(TestDatabase.IsPostgreSql ? (1, 0) : (0, 1), (rows, files));
    }
}
