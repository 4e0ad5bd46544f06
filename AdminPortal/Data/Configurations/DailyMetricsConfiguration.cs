using AdminPortal.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class CourseDailyMetricConfiguration : IEntityTypeConfiguration<CourseDailyMetric>
{
    public void Configure(EntityTypeBuilder<CourseDailyMetric> builder)
    {
        builder.ToTable("CourseDailyMetrics");
        // A day computed again replaces its rows; the index makes a second row for a course and day impossible.
        builder.HasIndex(m => new { m.Day, m.CourseId }).IsUnique();
        builder.HasIndex(m => new { m.Site, m.Day });
        builder.Property(m => m.Site).HasMaxLength(255).IsRequired();
        builder.Property(m => m.CourseKey).HasMaxLength(255).IsRequired();
        builder.Property(m => m.CourseName).HasMaxLength(255).IsRequired();
    }
}

public sealed class SiteDailyMetricConfiguration : IEntityTypeConfiguration<SiteDailyMetric>
{
    public void Configure(EntityTypeBuilder<SiteDailyMetric> builder)
    {
        builder.ToTable("SiteDailyMetrics");
        builder.HasIndex(m => new { m.Day, m.Site }).IsUnique();
        builder.HasIndex(m => new { m.Site, m.Day });
        builder.Property(m => m.Site).HasMaxLength(255).IsRequired();
    }
}
