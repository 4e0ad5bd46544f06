using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class BlockStateConfiguration : IEntityTypeConfiguration<BlockState>
{
    public void Configure(EntityTypeBuilder<BlockState> builder)
    {
        builder.ToTable("BlockStates");
        builder.Property(b => b.BlockKey).HasMaxLength(255).IsRequired();
        builder.HasIndex(b => new { b.LearnerId, b.CourseId, b.BlockKey }).IsUnique();
        builder.HasIndex(b => new { b.CourseId, b.ModifiedUtc });
        ProgressKeys.Relate(builder);
    }
}

public sealed class CourseGradeConfiguration : IEntityTypeConfiguration<CourseGrade>
{
    public void Configure(EntityTypeBuilder<CourseGrade> builder)
    {
        builder.ToTable("CourseGrades");
        builder.HasKey(g => new { g.LearnerId, g.CourseId });
        builder.HasIndex(g => new { g.CourseId, g.PassedAtUtc });
        ProgressKeys.Relate(builder);
    }
}

public sealed class BlockCompletionConfiguration : IEntityTypeConfiguration<BlockCompletion>
{
    public void Configure(EntityTypeBuilder<BlockCompletion> builder)
    {
        builder.ToTable("BlockCompletions");
        builder.Property(b => b.BlockKey).HasMaxLength(255).IsRequired();
        builder.HasIndex(b => new { b.LearnerId, b.CourseId, b.BlockKey }).IsUnique();
        builder.HasIndex(b => new { b.CourseId, b.ModifiedUtc });
        ProgressKeys.Relate(builder);
    }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.HasKey(c => new { c.LearnerId, c.CourseId });
        builder.Property(c => c.Status).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => new { c.CourseId, c.Status });
        ProgressKeys.Relate(builder);
    }
}

internal static class ProgressKeys
{
    /// <summary>Progress belongs to a learner and a course; neither is ever deleted while progress exists.</summary>
    public static void Relate<T>(EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.HasOne<Learner>().WithMany().HasForeignKey("LearnerId").OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey("CourseId").OnDelete(DeleteBehavior.Restrict);
    }
}
