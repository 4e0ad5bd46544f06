using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> builder)
    {
        builder.ToTable("Schedules");
        builder.HasIndex(s => s.EnrollmentId).IsUnique();
        builder.HasIndex(s => new { s.CourseId, s.StartUtc });
        // The daily jobs look schedules up by the day they started and by their upgrade deadline, a bin of learners at a
        // time: with the learner in the index, SQLite checks the bin before it reads a row.
        builder.HasIndex(s => new { s.StartUtc, s.Experience, s.LearnerId });
        builder.HasIndex(s => new { s.UpgradeDeadlineUtc, s.LearnerId });
        // The Schedules page's "active" filter, newest start first.
        builder.HasIndex(s => new { s.IsActive, s.StartUtc });
        builder.Property(s => s.Experience).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Enrollment>().WithOne().HasForeignKey<Schedule>(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScheduleSkipConfiguration : IEntityTypeConfiguration<ScheduleSkip>
{
    public void Configure(EntityTypeBuilder<ScheduleSkip> builder)
    {
        builder.ToTable("ScheduleSkips");
        builder.HasKey(s => s.EnrollmentId);
        builder.HasIndex(s => new { s.CourseId, s.Reason });
        builder.Property(s => s.Reason).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Enrollment>().WithOne().HasForeignKey<ScheduleSkip>(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
