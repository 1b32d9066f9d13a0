using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;

namespace Portal.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.Reference).HasMaxLength(Report.ReferenceMaxLength);
        builder.Property(r => r.Title).HasMaxLength(Report.TitleMaxLength);
        builder.Property(r => r.ContactDetails).HasMaxLength(Report.ContactMaxLength);
        builder.Property(r => r.Wards).HasMaxLength(Report.WardsMaxLength);
        builder.Property(r => r.BackgroundPapers).HasMaxLength(Report.PapersMaxLength);
        builder.Property(r => r.PublicInterestReason).HasMaxLength(Report.ReasonMaxLength);
        builder.Property(r => r.LateReason).HasMaxLength(Report.ReasonMaxLength);
        builder.Property(r => r.ReviewReason).HasMaxLength(Report.ReasonMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsPublished);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChiefOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ClearedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ForwardPlanEntry>().WithMany().HasForeignKey(r => r.ForwardPlanEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Recommendations).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Recommendations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.Reference);
        builder.HasIndex(r => new { r.MeetingId, r.Status });
        builder.HasIndex(r => r.AuthorId);
    }
}

internal sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> builder)
    {
        builder.ToTable("ReportSections");
        builder.Property(s => s.Text).HasMaxLength(ReportSection.TextMaxLength);
        builder.HasIndex(s => new { s.ReportId, s.Kind }).IsUnique();
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(Recommendation.TextMaxLength);
    }
}

internal sealed class AnnexConfiguration : IEntityTypeConfiguration<Annex>
{
    public void Configure(EntityTypeBuilder<Annex> builder)
    {
        builder.ToTable("Annexes");
        builder.Property(a => a.Title).HasMaxLength(Annex.TitleMaxLength);
        builder.Property(a => a.FileName).HasMaxLength(AnnexFiles.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(120);
        builder.Ignore(a => a.Letter);
        builder.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ReportId, a.Number });
    }
}

internal sealed class AnnexContentConfiguration : IEntityTypeConfiguration<AnnexContent>
{
    public void Configure(EntityTypeBuilder<AnnexContent> builder)
    {
        builder.ToTable("AnnexContents");
        builder.HasKey(c => c.AnnexId);
        builder.HasOne<Annex>().WithOne().HasForeignKey<AnnexContent>(c => c.AnnexId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("Decisions");
        builder.Property(d => d.Wording).HasMaxLength(Decision.TextMaxLength);
        builder.Property(d => d.Reasons).HasMaxLength(Decision.TextMaxLength);
        builder.Property(d => d.AlternativesRejected).HasMaxLength(Decision.TextMaxLength);
        builder.Property(d => d.InterestsDeclared).HasMaxLength(Decision.TextMaxLength);
        builder.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(d => d.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Body>().WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(d => d.VoteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Links).WithOne().HasForeignKey(l => l.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Dispensations).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Dispensations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => d.RecommendationId).IsUnique();
        builder.HasIndex(d => d.DecidedOn);

        // Call-in of a decision taken at an executive body's meeting, as of an executive member's own.
        builder.Property(d => d.UrgencyReason).HasMaxLength(CallInSubject.UrgencyReasonMaxLength);
        builder.Property(d => d.UrgencyAgreedBy).HasMaxLength(CallInSubject.UrgencyAgreedByMaxLength);
        builder.HasMany(d => d.Requests).WithOne().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Requests).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.IsUrgent);
        builder.Ignore(d => d.CallInApplies);
    }
}

internal sealed class DispensationConfiguration : IEntityTypeConfiguration<Dispensation>
{
    public void Configure(EntityTypeBuilder<Dispensation> builder)
    {
        builder.ToTable("DecisionDispensations");
        builder.Property(x => x.GrantedTo).HasMaxLength(Dispensation.NameMaxLength);
        builder.Property(x => x.GrantedBy).HasMaxLength(Dispensation.NameMaxLength);
        builder.Property(x => x.Scope).HasMaxLength(Dispensation.ScopeMaxLength);
    }
}

internal sealed class DecisionLinkConfiguration : IEntityTypeConfiguration<DecisionLink>
{
    public void Configure(EntityTypeBuilder<DecisionLink> builder)
    {
        builder.ToTable("DecisionLinks");
        builder.HasIndex(l => new { l.Target, l.TargetId });
    }
}

internal sealed class ForwardPlanEntryConfiguration : IEntityTypeConfiguration<ForwardPlanEntry>
{
    public void Configure(EntityTypeBuilder<ForwardPlanEntry> builder)
    {
        builder.ToTable("ForwardPlanEntries");
        builder.Property(e => e.Title).HasMaxLength(ForwardPlanEntry.TitleMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(ForwardPlanEntry.TextMaxLength);
        builder.Property(e => e.Documents).HasMaxLength(ForwardPlanEntry.TextMaxLength);
        builder.Property(e => e.DocumentsFrom).HasMaxLength(ForwardPlanEntry.TextMaxLength);
        builder.HasOne<Body>().WithMany().HasForeignKey(e => e.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.LeadOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.DecisionDue);
    }
}

internal sealed class ReadingNoteConfiguration : IEntityTypeConfiguration<ReadingNote>
{
    public void Configure(EntityTypeBuilder<ReadingNote> builder)
    {
        builder.ToTable("ReadingNotes");
        builder.Property(n => n.Note).HasMaxLength(ReadingNote.NoteMaxLength);
        builder.HasOne<Report>().WithMany().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.PersonId, n.ReportId }).IsUnique();
    }
}

internal sealed class ReportQuestionConfiguration : IEntityTypeConfiguration<ReportQuestion>
{
    public void Configure(EntityTypeBuilder<ReportQuestion> builder)
    {
        builder.ToTable("ReportQuestions");
        builder.Property(q => q.Text).HasMaxLength(ReportQuestion.TextMaxLength);
        builder.Property(q => q.Answer).HasMaxLength(ReportQuestion.TextMaxLength);
        builder.HasOne<Report>().WithMany().HasForeignKey(q => q.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.AskedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.AnsweredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => q.ReportId);
    }
}
