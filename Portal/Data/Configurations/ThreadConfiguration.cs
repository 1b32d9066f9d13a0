using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisation;
using Portal.Domain.Thread;

namespace Portal.Data.Configurations;

internal sealed class ThreadItemConfiguration : IEntityTypeConfiguration<ThreadItem>
{
    public void Configure(EntityTypeBuilder<ThreadItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(ThreadItem.TitleMaxLength);
        builder.Property(i => i.Theme).HasMaxLength(ThreadItem.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(ThreadItem.TextMaxLength);
        builder.Ignore(i => i.Level);
        builder.Ignore(i => i.Linkable);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThreadItem>().WithMany().HasForeignKey(i => i.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.Kind, i.Year, i.UnitId });
    }
}

internal sealed class ThreadLinkConfiguration : IEntityTypeConfiguration<ThreadLink>
{
    public void Configure(EntityTypeBuilder<ThreadLink> builder)
    {
        builder.Ignore(l => l.Child);
        builder.Ignore(l => l.Parent);
        builder.HasIndex(l => new { l.ChildLevel, l.ChildId, l.ParentLevel, l.ParentId }).IsUnique();
        builder.HasIndex(l => new { l.ParentLevel, l.ParentId });
    }
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Objectives).WithOne().HasForeignKey(o => o.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.PersonId, a.Year }).IsUnique();
    }
}

internal sealed class AppraisalObjectiveConfiguration : IEntityTypeConfiguration<AppraisalObjective>
{
    public void Configure(EntityTypeBuilder<AppraisalObjective> builder)
    {
        builder.Property(o => o.Text).HasMaxLength(AppraisalObjective.TextMaxLength);
        builder.Property(o => o.Measure).HasMaxLength(AppraisalObjective.TextMaxLength);
    }
}

internal sealed class AppraisalReviewConfiguration : IEntityTypeConfiguration<AppraisalReview>
{
    public void Configure(EntityTypeBuilder<AppraisalReview> builder)
    {
        builder.Property(r => r.PersonComment).HasMaxLength(AppraisalReview.CommentMaxLength);
        builder.Property(r => r.ManagerComment).HasMaxLength(AppraisalReview.CommentMaxLength);
        builder.HasIndex(r => new { r.AppraisalId, r.Stage }).IsUnique();
    }
}
