using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    /// <summary>The kinds written by the scheduled round, once each (the same SQL on SQLite and PostgreSQL).</summary>
    internal static readonly string OnceOnlyFilter = "\"Kind\" IN (" + string.Join(", ", new[]
    {
        NotificationKind.ActionDue, NotificationKind.ActionOverdue, NotificationKind.IndicatorDue, NotificationKind.IndicatorOverdue,
        NotificationKind.DirectorSummary, NotificationKind.InterestsReminder,
    }.Select(k => $"'{k}'")) + ")"; // kinds are stored by name

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Email).HasMaxLength(256);
        builder.Property(n => n.Culture).HasMaxLength(10);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Detail).HasMaxLength(Notification.DetailMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.LastError).HasMaxLength(Notification.ErrorMaxLength);

        // The sender's question (what is due?), a person's list, and a digest's contents.
        builder.HasIndex(n => new { n.State, n.NextAttemptUtc });
        builder.HasIndex(n => new { n.PersonId, n.CreatedUtc });
        builder.HasIndex(n => n.DigestId);

        // A reminder or chaser is written once per person, item and date, even by two instances' rounds at once
        // (each checks first; this makes the second's save fail rather than tell anyone twice).
        builder.HasIndex(n => new { n.Kind, n.PersonId, n.Link, n.Date }).IsUnique().HasFilter(OnceOnlyFilter)
            .HasDatabaseName("IX_Notifications_OnceOnly");
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.Property(p => p.Culture).HasMaxLength(10);
        builder.Property(p => p.Choices).HasMaxLength(1000);
        builder.HasIndex(p => p.PersonId).IsUnique();
    }
}

internal sealed class DistributionRecipientConfiguration : IEntityTypeConfiguration<DistributionRecipient>
{
    public void Configure(EntityTypeBuilder<DistributionRecipient> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(DistributionRecipient.NameMaxLength);
        builder.Property(r => r.Email).HasMaxLength(DistributionRecipient.EmailMaxLength);
        builder.HasOne<Portal.Domain.Meetings.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Portal.Domain.Organisation.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.BodyId, r.PersonId });
    }
}
