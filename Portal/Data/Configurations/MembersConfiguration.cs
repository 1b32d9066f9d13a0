using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Domain.Organisation;

namespace Portal.Data.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("Parties");
        builder.Property(p => p.Name).HasMaxLength(Party.NameMaxLength);
        builder.Property(p => p.ShortName).HasMaxLength(Party.ShortNameMaxLength);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.ToTable("Wards");
        builder.Property(w => w.Name).HasMaxLength(Ward.NameMaxLength);
        builder.HasIndex(w => w.Name).IsUnique();
    }
}

internal sealed class CouncillorConfiguration : IEntityTypeConfiguration<Councillor>
{
    public void Configure(EntityTypeBuilder<Councillor> builder)
    {
        builder.ToTable("Councillors");
        builder.Property(c => c.PublicEmail).HasMaxLength(Councillor.EmailMaxLength);
        builder.Property(c => c.PublicPhone).HasMaxLength(Councillor.PhoneMaxLength);
        builder.Property(c => c.PublicAddress).HasMaxLength(Councillor.AddressMaxLength);
        builder.HasOne<Person>().WithOne().HasForeignKey<Councillor>(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ward>().WithMany().HasForeignKey(c => c.WardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CouncillorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Terms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TermOfOfficeConfiguration : IEntityTypeConfiguration<TermOfOffice>
{
    public void Configure(EntityTypeBuilder<TermOfOffice> builder) => builder.ToTable("TermsOfOffice");
}

internal sealed class CouncillorPhotoConfiguration : IEntityTypeConfiguration<CouncillorPhoto>
{
    public void Configure(EntityTypeBuilder<CouncillorPhoto> builder)
    {
        builder.ToTable("CouncillorPhotos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasOne<Councillor>().WithOne().HasForeignKey<CouncillorPhoto>(p => p.CouncillorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CouncillorId).IsUnique();
    }
}

internal sealed class BodyMakeUpConfiguration : IEntityTypeConfiguration<BodyMakeUp>
{
    public void Configure(EntityTypeBuilder<BodyMakeUp> builder)
    {
        builder.ToTable("BodyMakeUps");
        builder.HasOne<Body>().WithOne().HasForeignKey<BodyMakeUp>(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.BodyId).IsUnique();
    }
}

internal sealed class RegisteredInterestConfiguration : IEntityTypeConfiguration<RegisteredInterest>
{
    public void Configure(EntityTypeBuilder<RegisteredInterest> builder)
    {
        builder.ToTable("RegisteredInterests");
        builder.Property(i => i.Particulars).HasMaxLength(RegisteredInterest.ParticularsMaxLength);
        builder.Property(i => i.Giver).HasMaxLength(RegisteredInterest.GiverMaxLength);
        builder.Ignore(i => i.IsPublished);
        builder.HasOne<Councillor>().WithMany().HasForeignKey(i => i.CouncillorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.CouncillorId);
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.InterestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InterestVersionConfiguration : IEntityTypeConfiguration<InterestVersion>
{
    public void Configure(EntityTypeBuilder<InterestVersion> builder)
    {
        builder.ToTable("InterestVersions");
        builder.Property(v => v.Particulars).HasMaxLength(RegisteredInterest.ParticularsMaxLength);
        builder.Property(v => v.Giver).HasMaxLength(RegisteredInterest.GiverMaxLength);
        builder.Property(v => v.RecordedBy).HasMaxLength(InterestVersion.RecordedByMaxLength);
    }
}
