using AdminPortal.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class ConfigVersionConfiguration : IEntityTypeConfiguration<ConfigVersion>
{
    public void Configure(EntityTypeBuilder<ConfigVersion> builder)
    {
        builder.ToTable("ConfigVersions");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Key).HasMaxLength(255).IsRequired();
        // Two saves based on the same version cannot both become the next one.
        builder.HasIndex(c => new { c.Kind, c.Key, c.Version }).IsUnique();
        builder.Property(c => c.ValuesJson).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(256).IsRequired();
    }
}
