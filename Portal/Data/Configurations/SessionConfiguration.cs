using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Security;

namespace Portal.Data.Configurations;

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64).ValueGeneratedNever();
        builder.HasIndex(s => s.EndedUtc);
    }
}
