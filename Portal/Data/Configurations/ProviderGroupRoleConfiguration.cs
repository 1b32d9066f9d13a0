using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Security.Oidc;

namespace Portal.Data.Configurations;

internal sealed class ProviderGroupRoleConfiguration : IEntityTypeConfiguration<ProviderGroupRole>
{
    public void Configure(EntityTypeBuilder<ProviderGroupRole> builder)
    {
        builder.Property(m => m.GroupId).HasMaxLength(ProviderGroupRole.GroupIdMaxLength);
        builder.Property(m => m.Role).HasMaxLength(40);
        builder.HasIndex(m => new { m.GroupId, m.Role }).IsUnique();
    }
}
