using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;

namespace Portal.Data.Configurations;

internal sealed class DirectoratePlanConfiguration : IEntityTypeConfiguration<DirectoratePlan>
{
    public void Configure(EntityTypeBuilder<DirectoratePlan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Title).HasMaxLength(DirectoratePlan.TitleMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(DirectoratePlan.SummaryMaxLength);
        builder.Ignore(p => p.Calendar);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Priorities).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Priorities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.DirectorateId);
    }
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.ToTable("PlanPriorities");
        builder.Property(p => p.Title).HasMaxLength(Priority.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Priority.DescriptionMaxLength);
        builder.HasIndex(p => new { p.PlanId, p.Number });
    }
}

internal sealed class KeyActionConfiguration : IEntityTypeConfiguration<KeyAction>
{
    public void Configure(EntityTypeBuilder<KeyAction> builder)
    {
        builder.ToTable("PlanActions");
        builder.Property(a => a.Title).HasMaxLength(KeyAction.TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(KeyAction.DescriptionMaxLength);
        builder.Ignore(a => a.Continues);
        builder.HasOne<DirectoratePlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(a => a.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KeyAction>().WithMany().HasForeignKey(a => a.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.PlanId, a.Year });
        builder.HasIndex(a => a.OwnerId);
        builder.HasIndex(a => a.DueDate);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("PlanMilestones");
        builder.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.ToTable("PlanActionUpdates");
        builder.Property(u => u.Commentary).HasMaxLength(ProgressUpdate.CommentaryMaxLength);
        builder.Property(u => u.AuthorName).HasMaxLength(Person.NameMaxLength);
    }
}

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> builder)
    {
        builder.ToTable("PlanIndicators");
        builder.Property(i => i.Code).HasMaxLength(PerformanceIndicator.CodeMaxLength);
        builder.Property(i => i.Title).HasMaxLength(PerformanceIndicator.TitleMaxLength);
        builder.Property(i => i.Definition).HasMaxLength(PerformanceIndicator.DefinitionMaxLength);
        builder.HasOne<DirectoratePlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("PlanIndicatorValues");
        builder.Ignore(v => v.ReportingPeriod);
        builder.Property(v => v.Commentary).HasMaxLength(IndicatorValue.CommentaryMaxLength);
        builder.Property(v => v.EnteredByName).HasMaxLength(Person.NameMaxLength);
        builder.Property(v => v.ApprovedByName).HasMaxLength(Person.NameMaxLength);
        builder.HasIndex(v => new { v.IndicatorId, v.Year, v.Period }).IsUnique();
    }
}

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.ToTable("PlanRisks");
        builder.Property(r => r.Title).HasMaxLength(Risk.TitleMaxLength);
        builder.Property(r => r.Cause).HasMaxLength(Risk.TextMaxLength);
        builder.Property(r => r.Consequence).HasMaxLength(Risk.TextMaxLength);
        builder.Property(r => r.Controls).HasMaxLength(Risk.TextMaxLength);
        builder.Ignore(r => r.Inherent);
        builder.Ignore(r => r.Residual);
        builder.Ignore(r => r.Target);
        builder.HasOne<DirectoratePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(r => r.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Risk>().WithMany().HasForeignKey(r => r.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PlanId, r.Year });
    }
}

internal sealed class PlanSettingsConfiguration : IEntityTypeConfiguration<PlanSettings>
{
    public void Configure(EntityTypeBuilder<PlanSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
