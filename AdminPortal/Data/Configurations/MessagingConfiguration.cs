using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        // The rendered bodies (kilobytes each) live in a table of their own: SQLite rewrites a whole row to change one
        // column, so claiming and marking a message touch only its small status row.
        builder.SplitToTable("OutboxBodies", bodies =>
        {
            bodies.Property(m => m.Id).HasColumnName("MessageId");
            bodies.Property(m => m.HtmlBody);
            bodies.Property(m => m.TextBody);
        });
        // The guarantee that a message goes once: a second insert of the same key is ignored.
        builder.HasIndex(m => m.Key).IsUnique();
        // The queued rows only, in the order senders take them (next attempt, then id), for every site's claim and for one
        // site's: a claim reads the rows it takes, not every queued row to sort them (on PostgreSQL a claim of 500 read all
        // 66,068 queued rows of three sites), and a sent mark just leaves these small indexes.
        builder.HasIndex(m => new { m.NextAttemptUtc, m.Id }).HasDatabaseName("IX_OutboxMessages_Queued").HasFilter("\"State\" = 'Queued'");
        builder.HasIndex(m => new { m.SiteId, m.NextAttemptUtc, m.Id }).HasDatabaseName("IX_OutboxMessages_QueuedBySite").HasFilter("\"State\" = 'Queued'");
        builder.HasIndex(m => m.ClaimedBy);
        builder.HasIndex(m => m.RunId);
        builder.HasIndex(m => new { m.LearnerId, m.CreatedUtc });
        builder.HasIndex(m => m.Uuid).IsUnique();
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CourseKeys).HasConversion(ValueConversions.JsonArray, ValueConversions.ListComparer).IsRequired();
    }
}

public sealed class MessageEventConfiguration : IEntityTypeConfiguration<MessageEvent>
{
    public void Configure(EntityTypeBuilder<MessageEvent> builder)
    {
        builder.ToTable("MessageEvents");
        builder.HasIndex(e => e.OutboxMessageId).IsUnique();
        builder.HasIndex(e => new { e.Name, e.AtUtc });
        builder.Property(e => e.CourseKeys).HasConversion(ValueConversions.JsonArray, ValueConversions.ListComparer).IsRequired();
    }
}

public sealed class MessageRunConfiguration : IEntityTypeConfiguration<MessageRun>
{
    public void Configure(EntityTypeBuilder<MessageRun> builder)
    {
        builder.ToTable("MessageRuns");
        builder.HasIndex(r => new { r.SiteId, r.Kind, r.StartedUtc });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StartedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StartedByEmail).HasMaxLength(256);
        builder.Property(r => r.Trigger).HasMaxLength(200);
    }
}
