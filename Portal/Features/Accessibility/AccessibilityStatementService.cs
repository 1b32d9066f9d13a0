using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Infrastructure;

namespace Portal.Features.Accessibility;

/// <summary>What the accessibility statement names: who runs the portal, where, under which country's law, whom to contact, and when it was last reviewed.</summary>
public sealed record AccessibilityFacts(string CouncilName, Country Country, Uri Address, string? Contact, DateOnly PreparedOn, DateOnly ReviewedOn);

/// <summary>
/// The facts behind the accessibility statement (<c>/accessibility</c>), which a public body
/// must publish: the council's name (its organisation's top unit, as an administrator keeps it),
/// its country (England: the Public Sector Bodies Accessibility Regulations 2018, enforced by
/// the EHRC and in Northern Ireland the ECNI; Sweden: lag (2018:1937), supervised by Digg),
/// the portal's public address, and the contact and review date the council sets
/// (<c>Portal:AccessibilityContact</c>, <c>Portal:AccessibilityReviewedOn</c>). Public: anyone may read it.
/// </summary>
public sealed class AccessibilityStatementService(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalOptions> options, PublicAddress site)
{
    /// <summary>When this statement was written, with the tests it describes.</summary>
    public static readonly DateOnly PreparedOn = new(2026, 12, 6);

    public async Task<AccessibilityFacts> GetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await db.OrganisationUnits.AsNoTracking().Where(u => u.Kind == UnitKind.Council).OrderBy(u => u.Id).Select(u => u.Name).FirstOrDefaultAsync(ct)
            ?? await db.Installations.AsNoTracking().Select(i => i.CouncilName).SingleOrDefaultAsync(ct)
            ?? options.Value.CouncilName;
        var country = (await db.MeetingSettings.AsNoTracking().Select(s => (Country?)s.Country).SingleOrDefaultAsync(ct)) ?? Country.England;
        var contact = string.IsNullOrWhiteSpace(options.Value.AccessibilityContact) ? null : options.Value.AccessibilityContact.Trim();
        var reviewed = options.Value.AccessibilityReviewedOn is DateOnly on && on >= PreparedOn ? on : PreparedOn;
        return new AccessibilityFacts(council, country, site.BaseUri, contact, PreparedOn, reviewed);
    }
}
