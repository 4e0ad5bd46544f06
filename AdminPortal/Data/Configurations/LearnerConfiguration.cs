using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> builder)
    {
        builder.ToTable("Learners");
        // NOCASE: unique regardless of case, and the indexes serve case-insensitive prefix searches (LIKE 'ab%').
        builder.Property(l => l.Username).HasMaxLength(150).IsRequired().UseCollation(SqliteCollations.NoCase);
        builder.HasIndex(l => l.Username).IsUnique();
        builder.Property(l => l.Email).HasMaxLength(254).IsRequired().UseCollation(SqliteCollations.NoCase);
        builder.HasIndex(l => l.Email).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(255).IsRequired();
        builder.Property(l => l.Language).HasMaxLength(16);
        builder.HasIndex(l => l.LastLoginUtc);
        builder.HasIndex(l => l.JoinedUtc);
    }
}
