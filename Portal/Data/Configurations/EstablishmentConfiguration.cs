using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Establishment;
using Portal.Domain.Organisation;

namespace Portal.Data.Configurations;

internal sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(Grade.NameMaxLength);
        builder.Property(g => g.BandMinimum).HasPrecision(12, 2);
        builder.Property(g => g.BandMaximum).HasPrecision(12, 2);
        builder.Ignore(g => g.BandMidpoint);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(p => p.Number).HasMaxLength(Post.NumberMaxLength);
        builder.Property(p => p.Fte).HasPrecision(4, 2);
        builder.Property(p => p.Purpose).HasMaxLength(Post.ProseMaxLength);
        builder.Property(p => p.PrincipalAccountabilities).HasMaxLength(Post.ProseMaxLength);
        builder.Property(p => p.KeyResultAreas).HasMaxLength(Post.ProseMaxLength);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => p.UnitId);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Grade>().WithMany().HasForeignKey(p => p.GradeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Criteria).WithOne().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PersonSpecCriterionConfiguration : IEntityTypeConfiguration<PersonSpecCriterion>
{
    public void Configure(EntityTypeBuilder<PersonSpecCriterion> builder)
    {
        builder.ToTable("PersonSpecCriteria");
        builder.Property(c => c.Heading).HasMaxLength(PersonSpecCriterion.HeadingMaxLength);
        builder.Property(c => c.Text).HasMaxLength(PersonSpecCriterion.TextMaxLength);
        builder.Property(c => c.MeasuredBy).HasMaxLength(PersonSpecCriterion.HeadingMaxLength);
    }
}

internal sealed class PostReportingConfiguration : IEntityTypeConfiguration<PostReporting>
{
    public void Configure(EntityTypeBuilder<PostReporting> builder)
    {
        builder.ToTable("PostReportingLines");
        builder.HasOne<Post>().WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Post>().WithMany().HasForeignKey(l => l.AccountableToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.PostId, l.From });
        builder.HasIndex(l => l.AccountableToId);
    }
}

internal sealed class PostHoldingConfiguration : IEntityTypeConfiguration<PostHolding>
{
    public void Configure(EntityTypeBuilder<PostHolding> builder)
    {
        builder.ToTable("PostHoldings");
        builder.HasOne<Post>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.PostId, h.From });
        builder.HasIndex(h => h.PersonId);
    }
}

internal sealed class StatutoryDesignationConfiguration : IEntityTypeConfiguration<StatutoryDesignation>
{
    public void Configure(EntityTypeBuilder<StatutoryDesignation> builder)
    {
        builder.ToTable("StatutoryDesignations");
        builder.HasOne<Post>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.Role, d.From });
    }
}

internal sealed class EstablishmentSettingsConfiguration : IEntityTypeConfiguration<EstablishmentSettings>
{
    public void Configure(EntityTypeBuilder<EstablishmentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OnCostPercent).HasPrecision(5, 2);
    }
}
