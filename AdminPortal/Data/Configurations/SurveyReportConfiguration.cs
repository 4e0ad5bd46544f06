using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class SurveyReportConfiguration : IEntityTypeConfiguration<SurveyReport>
{
    public void Configure(EntityTypeBuilder<SurveyReport> builder)
    {
        builder.ToTable("SurveyReports");
        builder.HasIndex(r => r.CreatedUtc);
        builder.HasIndex(r => new { r.State, r.GeneratedUtc });
        builder.HasIndex(r => new { r.SendState, r.SentUtc });
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SendState).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Progress).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(SurveyReport.MaxErrorLength);
        builder.Property(r => r.LastSendError).HasMaxLength(SurveyReport.MaxErrorLength);
        builder.Ignore(r => r.Counts);
        builder.Ignore(r => r.StateText);
    }
}

public sealed class SurveySendAttemptConfiguration : IEntityTypeConfiguration<SurveySendAttempt>
{
    public void Configure(EntityTypeBuilder<SurveySendAttempt> builder)
    {
        builder.ToTable("SurveySendAttempts");
        builder.HasIndex(a => new { a.ReportId, a.AtUtc });
        builder.HasOne<SurveyReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Succeeded);
    }
}

public sealed class SurveyBannerDismissalConfiguration : IEntityTypeConfiguration<SurveyBannerDismissal>
{
    public void Configure(EntityTypeBuilder<SurveyBannerDismissal> builder)
    {
        builder.ToTable("SurveyBannerDismissals");
        builder.HasKey(d => d.UserId);
    }
}

public sealed class SurveyInstallationConfiguration : IEntityTypeConfiguration<SurveyInstallation>
{
    public void Configure(EntityTypeBuilder<SurveyInstallation> builder)
    {
        builder.ToTable("SurveyInstallation");
        builder.Property(i => i.Id).ValueGeneratedNever();
    }
}
