using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;

namespace Portal.Data.Seeding;

/// <summary>
/// The Swedish demo's distribution list: Nybro's KLG sends its notes to KSAU and to Cesam (the
/// central co-operation group with the unions), as its own terms of reference say, here as two
/// outside addresses on made-up domains.
/// </summary>
internal static class DemoDistributionSeeder
{
    public static async Task SeedAsync(PortalDbContext db, InstallationKind kind, DateTime nowUtc, CancellationToken ct)
    {
        if (kind != InstallationKind.SwedishDemo)
        {
            return;
        }

        var klg = await db.Bodies.AsNoTracking().Where(b => b.ShortName == "KLG").Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
        if (klg is not int bodyId)
        {
            return;
        }

        db.DistributionRecipients.AddRange(
            DistributionRecipient.ForAddress(bodyId, "Kommunstyrelsens arbetsutskott (KSAU)", "ksau@nybro.example", nowUtc),
            DistributionRecipient.ForAddress(bodyId, "Centrala samverkansgruppen (Cesam)", "cesam@nybro.example", nowUtc));
        await db.SaveChangesAsync(ct);
    }
}
