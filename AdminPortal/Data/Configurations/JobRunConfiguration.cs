using System.Text.Json;
using AdminPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.JobName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(200).IsRequired();
        builder.Property(r => r.StartedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StartedByEmail).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(JobRun.MaxErrorLength);
        // A handful of named numbers per run, read only with the run: JSON text, not a table.
        builder.Property(r => r.Counts)
            .HasConversion(
                counts => JsonSerializer.Serialize(counts, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, long>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, long>(),
                new ValueComparer<Dictionary<string, long>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    counts => counts.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    counts => new Dictionary<string, long>(counts)))
            .HasColumnName("CountsJson")
            .IsRequired();
        builder.HasMany(r => r.LogLines).WithOne().HasForeignKey(l => l.JobRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.LogLines).HasField("logLines");
        builder.HasIndex(r => new { r.JobName, r.StartedAtUtc });
        builder.HasIndex(r => r.StartedAtUtc);
        builder.HasIndex(r => r.Status);
    }
}
