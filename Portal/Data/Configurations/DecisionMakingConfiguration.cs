using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;

namespace Portal.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("Votes");
        builder.Property(v => v.Motion).HasMaxLength(Vote.MotionMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ChairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Ballots).WithOne().HasForeignKey(b => b.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Ballots).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(v => v.IsTied);
        builder.HasIndex(v => v.MeetingId);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.ToTable("VoteBallots");
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.VoteId, b.PersonId }).IsUnique();
    }
}

internal sealed class OfficerDecisionConfiguration : IEntityTypeConfiguration<OfficerDecision>
{
    public void Configure(EntityTypeBuilder<OfficerDecision> builder)
    {
        builder.ToTable("OfficerDecisions");
        builder.Property(d => d.Title).HasMaxLength(OfficerDecision.TitleMaxLength);
        foreach (var text in new[] { nameof(OfficerDecision.Delegation), nameof(OfficerDecision.DecisionText), nameof(OfficerDecision.Reasons), nameof(OfficerDecision.Alternatives), nameof(OfficerDecision.Interests), nameof(OfficerDecision.Dispensations), nameof(OfficerDecision.BackgroundPapers), nameof(OfficerDecision.UrgencyReason) })
        {
            builder.Property(text).HasMaxLength(OfficerDecision.TextMaxLength);
        }

        builder.Property(d => d.UrgencyAgreedBy).HasMaxLength(OfficerDecision.NameMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.MakerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Requests).WithOne().HasForeignKey(r => r.OfficerDecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Requests).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Amendments).WithOne().HasForeignKey(a => a.OfficerDecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.IsExempt);
        builder.Ignore(d => d.IsUrgent);
        builder.Ignore(d => d.CallInApplies);
        builder.HasIndex(d => d.DecidedOn);
    }
}

internal sealed class CallInRequestConfiguration : IEntityTypeConfiguration<CallInRequest>
{
    public void Configure(EntityTypeBuilder<CallInRequest> builder)
    {
        builder.ToTable("CallInRequests");
        builder.Property(r => r.Reasons).HasMaxLength(CallInRequest.TextMaxLength);
        builder.Property(r => r.OutcomeNote).HasMaxLength(CallInRequest.TextMaxLength);
        builder.PrimitiveCollection(r => r.MemberIds).HasField("_memberIds").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CallInSettingsConfiguration : IEntityTypeConfiguration<CallInSettings>
{
    public void Configure(EntityTypeBuilder<CallInSettings> builder) => builder.ToTable("CallInSettings");
}

internal sealed class KeyDecisionNoticeConfiguration : IEntityTypeConfiguration<KeyDecisionNotice>
{
    public void Configure(EntityTypeBuilder<KeyDecisionNotice> builder)
    {
        builder.ToTable("KeyDecisionNotices");
        builder.Property(n => n.Title).HasMaxLength(KeyDecisionNotice.TitleMaxLength);
        builder.Property(n => n.Reasons).HasMaxLength(KeyDecisionNotice.TextMaxLength);
        builder.Property(n => n.ScrutinyChair).HasMaxLength(KeyDecisionNotice.NameMaxLength);
        builder.HasOne<Body>().WithMany().HasForeignKey(n => n.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ForwardPlanEntry>().WithMany().HasForeignKey(n => n.ForwardPlanEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => n.DecisionDue);
    }
}

internal sealed class OfficerDecisionAmendmentConfiguration : IEntityTypeConfiguration<OfficerDecisionAmendment>
{
    public void Configure(EntityTypeBuilder<OfficerDecisionAmendment> builder)
    {
        builder.ToTable("OfficerDecisionAmendments");
        builder.Property(a => a.Title).HasMaxLength(OfficerDecision.TitleMaxLength);
        builder.Property(a => a.AmendedBy).HasMaxLength(OfficerDecision.NameMaxLength);
        foreach (var text in new[] { nameof(OfficerDecisionAmendment.Reason), nameof(OfficerDecisionAmendment.Delegation), nameof(OfficerDecisionAmendment.DecisionText), nameof(OfficerDecisionAmendment.Reasons), nameof(OfficerDecisionAmendment.Alternatives), nameof(OfficerDecisionAmendment.Interests), nameof(OfficerDecisionAmendment.Dispensations), nameof(OfficerDecisionAmendment.BackgroundPapers) })
        {
            builder.Property(text).HasMaxLength(OfficerDecision.TextMaxLength);
        }

        builder.HasIndex(a => new { a.OfficerDecisionId, a.Number }).IsUnique();
    }
}
