using AdminPortal.Domain.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class PortalProcessConfiguration : IEntityTypeConfiguration<PortalProcess>
{
    public void Configure(EntityTypeBuilder<PortalProcess> builder)
    {
        builder.ToTable("PortalProcesses");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Host).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(200);
    }
}
