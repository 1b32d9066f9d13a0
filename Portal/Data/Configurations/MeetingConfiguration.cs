using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;

namespace Portal.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("Bodies");
        builder.Property(b => b.Name).HasMaxLength(Body.NameMaxLength);
        builder.Property(b => b.ShortName).HasMaxLength(Body.ShortNameMaxLength);
        builder.Property(b => b.Slug).HasMaxLength(Body.SlugMaxLength);
        builder.Property(b => b.Remit).HasMaxLength(Body.RemitMaxLength);
        builder.Property(b => b.ReportsTo).HasMaxLength(Body.ReportsToMaxLength);
        builder.HasIndex(b => b.Slug).IsUnique();
        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(b => b.ShownColour);
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> builder)
    {
        builder.ToTable("BodyMembers");
        builder.Property(m => m.Post).HasMaxLength(BodyMember.PostMaxLength);
        builder.Property(m => m.Responsibilities).HasMaxLength(BodyMember.ResponsibilitiesMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Portal.Domain.Establishment.Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.PersonId);
        builder.HasIndex(m => m.PostId);
    }
}

internal sealed class CadenceConfiguration : IEntityTypeConfiguration<Cadence>
{
    public void Configure(EntityTypeBuilder<Cadence> builder)
    {
        builder.ToTable("BodyCadences");
        builder.Property(c => c.Venue).HasMaxLength(Cadence.VenueMaxLength);
        builder.Ignore(c => c.Rule);
        builder.Ignore(c => c.EndTime);
        builder.HasOne<Body>().WithOne().HasForeignKey<Cadence>(c => c.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.BodyId).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Venue).HasMaxLength(Meeting.VenueMaxLength);
        builder.Property(m => m.CancelReason).HasMaxLength(Meeting.ReasonMaxLength);
        builder.Property(m => m.LateReason).HasMaxLength(Meeting.ReasonMaxLength);
        builder.Property(m => m.Signatories).HasMaxLength(Meeting.SignatoriesMaxLength);
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.RecordIsFinal);
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.ApprovedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.Date);
        builder.HasIndex(m => new { m.BodyId, m.Date });
        builder.HasIndex(m => new { m.BodyId, m.SeriesDate });
        builder.HasIndex(m => m.Uid).IsUnique();
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.Property(i => i.Presenter).HasMaxLength(AgendaItem.PresenterMaxLength);
        builder.Property(i => i.Notes).HasMaxLength(AgendaItem.NotesMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(i => i.CarriedFromId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Declarations).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Declarations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.ToTable("AgendaDeclarations");
        builder.Property(d => d.Name).HasMaxLength(Declaration.NameMaxLength);
        builder.Property(d => d.Interest).HasMaxLength(Declaration.InterestMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("MeetingAttendance");
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
    }
}

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.ToTable("MeetingActions");
        builder.Property(a => a.Text).HasMaxLength(AgreedAction.TextMaxLength);
        builder.Ignore(a => a.IsDone);
        builder.HasOne<Body>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.BodyId, a.CompletedOn });
    }
}

internal sealed class MeetingSettingsConfiguration : IEntityTypeConfiguration<MeetingSettings>
{
    public void Configure(EntityTypeBuilder<MeetingSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.Holidays);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.Property(f => f.Token).HasMaxLength(CalendarFeed.TokenLength + 8);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.PersonId).IsUnique();
    }
}
