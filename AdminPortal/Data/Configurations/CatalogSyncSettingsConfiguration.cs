using AdminPortal.Domain.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class CatalogSyncSettingsConfiguration : IEntityTypeConfiguration<CatalogSyncSettings>
{
    public void Configure(EntityTypeBuilder<CatalogSyncSettings> builder)
    {
        builder.ToTable("CatalogSyncSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BaseUrl).HasMaxLength(2000);
        builder.Property(s => s.ModifiedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(s => s.HasToken);
    }
}
