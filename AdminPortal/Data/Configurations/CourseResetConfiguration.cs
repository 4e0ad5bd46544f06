using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class CourseResetOptInConfiguration : IEntityTypeConfiguration<CourseResetOptIn>
{
    public void Configure(EntityTypeBuilder<CourseResetOptIn> builder)
    {
        builder.ToTable("CourseResetOptIns");
        builder.HasIndex(o => o.CourseId).IsUnique();
        builder.Property(o => o.CreatedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Course>().WithMany().HasForeignKey(o => o.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CourseResetAuditConfiguration : IEntityTypeConfiguration<CourseResetAudit>
{
    public void Configure(EntityTypeBuilder<CourseResetAudit> builder)
    {
        builder.ToTable("CourseResetAudits");
        // The database itself refuses a second live reset of the same learner and course, whoever asks at the same moment.
        builder.HasIndex(a => new { a.LearnerId, a.CourseId }).IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(CourseResetStatus.Failed)}'").HasDatabaseName("IX_CourseResetAudits_OneLiveReset");
        builder.HasIndex(a => new { a.LearnerId, a.CourseId, a.CreatedUtc });
        builder.HasIndex(a => new { a.Status, a.CreatedUtc });
        builder.HasIndex(a => a.CreatedUtc);
        // A superuser marking a reset failed must not overwrite the job's "complete" committed a moment before.
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(a => a.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(CourseResetAudit.MaxReasonLength).IsRequired();
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.Property(a => a.EmailError).HasMaxLength(500);
        builder.HasOne<Learner>().WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
