using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdminPortal.Data.PostgreSql;

/// <summary>The portal's model on PostgreSQL; its migrations are in Data/PostgreSql/Migrations.</summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>What the SQLite model calls NOCASE: citext compares, indexes and matches LIKE patterns ignoring case.</summary>
    private const string CaseInsensitiveText = "citext";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Columns are timestamptz, which Npgsql writes only from UTC times; the portal's times are all UTC, but a time
        // read from a SQLite file or built from a date comes as Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension(CaseInsensitiveText);
        foreach (var property in SqliteCollations.NoCaseProperties(builder.Model))
        {
            property.SetCollation(null);
            property.SetColumnType(CaseInsensitiveText);
        }
        // Searched with LIKE, which ignores ASCII case on SQLite (and under SQL Server's default collation): the same here.
        builder.Entity<Course>().Property(c => c.Key).HasColumnType(CaseInsensitiveText);
        builder.Entity<OutboxMessage>().Property(m => m.Username).HasColumnType(CaseInsensitiveText);
        builder.Entity<OutboxMessage>().Property(m => m.Recipient).HasColumnType(CaseInsensitiveText);
        builder.Entity<PortalUser>().Property(u => u.Email).HasColumnType(CaseInsensitiveText);
        builder.Entity<PortalUser>().Property(u => u.DisplayName).HasColumnType(CaseInsensitiveText);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        time => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc),
        time => time);
}
