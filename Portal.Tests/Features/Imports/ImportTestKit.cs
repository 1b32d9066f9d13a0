using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Imports;
using Portal.Features.Plans.Plans;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Imports;

/// <summary>What the tests of each import kind share: the demo's plan, counts before and after, a row's problem codes.</summary>
internal static class ImportTestKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> PlanIdAsync(this ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    public static async Task<int> CountAsync<T>(this ServiceHarness portal, Func<PortalDbContext, IQueryable<T>> query)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await query(db).CountAsync(Ct);
    }

    public static async Task<T> QueryAsync<T>(this ServiceHarness portal, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await query(db);
    }

    /// <summary>The codes of the problems beside the row on <paramref name="line"/> (the header is line 1).</summary>
    public static string[] Codes(this ImportPreview preview, int line) => [.. preview.Rows.Single(r => r.Line == line).Problems.Select(p => p.Code)];

    /// <summary>A plan for the Resources directorate, which the demo's director (of the Chief Executive's directorate) does not edit.</summary>
    public static async Task<int> OtherDirectoratesPlanAsync(this ServiceHarness portal)
    {
        await using var admin = await portal.SignedInAsAsync(DemoUsers.Administrator);
        var resources = await portal.QueryAsync(db => db.OrganisationUnits.Where(u => u.Name == "Resources").Select(u => u.Id).SingleAsync(Ct));
        var year = await portal.QueryAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.OpenYear).FirstAsync(Ct));
        var plan = await admin.Get<PlanService>().CreatePlanAsync(new NewPlan(resources, "Resources Directorate Plan", null, year, year + 2), Ct);
        await admin.Get<PlanService>().AddPriorityAsync(plan, "Balance the budget", null, Ct);
        return plan;
    }
}
