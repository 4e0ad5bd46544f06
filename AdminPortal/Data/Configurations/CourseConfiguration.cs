using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("Courses");
        builder.Property(c => c.Key).HasMaxLength(CourseKey.MaxLength).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Org).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Number).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Run).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Org);
        builder.Property(c => c.DisplayName).HasMaxLength(255).IsRequired().UseCollation(SqliteCollations.NoCase);
        builder.HasIndex(c => c.StartUtc);
        builder.Property(c => c.Language).HasMaxLength(16).IsRequired();
        builder.Property(c => c.MarketingUrl).HasMaxLength(2000);
        builder.Property(c => c.SocialSharingUrl).HasMaxLength(2000);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Modes).WithOne().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Modes).HasField("modes").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

public sealed class CourseModeConfiguration : IEntityTypeConfiguration<CourseMode>
{
    public void Configure(EntityTypeBuilder<CourseMode> builder)
    {
        builder.ToTable("CourseModes");
        builder.HasKey(m => new { m.CourseId, m.Slug });
        builder.Property(m => m.Slug).HasMaxLength(50);
    }
}
