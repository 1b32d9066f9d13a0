using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisation;

namespace Portal.Data.Configurations;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(OrganisationUnit.NameMaxLength);
        builder.Property(u => u.ShortName).HasMaxLength(OrganisationUnit.ShortNameMaxLength);
        builder.Property(u => u.Description).HasMaxLength(OrganisationUnit.DescriptionMaxLength);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ParentId, u.Name }).IsUnique();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.JobTitle).HasMaxLength(Person.JobTitleMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.LineManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<Person>(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.UserId).IsUnique();
    }
}
