using Portal.Components.Shared;
using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Roles;

public sealed record RoleHolder(StatutoryRole Role, int? PostId, string? PostTitle, string? Holder, DateOnly? Since);

public sealed record RolesView(DateOnly On, IReadOnlyList<RoleHolder> Roles, IReadOnlyList<RoleWarning> Warnings, bool CanDesignate, IReadOnlyList<NamedItem> Posts);
