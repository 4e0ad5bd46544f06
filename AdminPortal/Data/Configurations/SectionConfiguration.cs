using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("Sections");
        builder.Property(s => s.BlockId).HasMaxLength(255).IsRequired();
        builder.HasIndex(s => new { s.CourseId, s.BlockId }).IsUnique();
        builder.HasIndex(s => new { s.CourseId, s.Position });
        builder.Property(s => s.Title).HasMaxLength(255).IsRequired();
        builder.Property(s => s.Highlights).HasConversion(ValueConversions.JsonArray, ValueConversions.ListComparer).IsRequired();
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
