using AdminPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class JobRunLogLineConfiguration : IEntityTypeConfiguration<JobRunLogLine>
{
    public void Configure(EntityTypeBuilder<JobRunLogLine> builder)
    {
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Message).HasMaxLength(JobRunLogLine.MaxMessageLength).IsRequired();
    }
}
