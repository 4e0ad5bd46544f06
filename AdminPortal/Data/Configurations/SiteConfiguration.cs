using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.Property(s => s.Domain).HasMaxLength(253).IsRequired();
        builder.HasIndex(s => s.Domain).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Orgs).HasConversion(ValueConversions.CommaSeparated, ValueConversions.ListComparer).IsRequired();
    }
}
