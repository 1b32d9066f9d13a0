using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Thread;
using Portal.Features.Imports;
using Portal.Features.Thread;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>
/// Importing service plan objectives and team workplan items beneath a directorate plan, on a real SQLite file
/// with the real migrations: each must link to an item on the level directly above.
/// </summary>
public sealed class PlanItemImportTests : IAsyncLifetime
{
    private const string Header = "Ref,Level,Unit,Title,Description,Owner,ContributesTo";
    private const string CorporatePriority = "Reduce the environmental impact of council activities";
    private const string ServiceObjective = "Raise appraisal completion to 95%";
    private const string TeamItem = "Launch the online appraisal form";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SavesEveryItemLinkedToTheLevelAboveAndToldToTheThread()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await _portal.PlanIdAsync();
        var published = new List<ThreadChanged>();
        using var subscription = director.Get<ChangeFeed>().Subscribe<ThreadChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            "S1,ServicePlan,People and Improvement,Bring every job description up to date,,tom.fielding@york.example,1",
            "T1,TeamWorkplan,Human Resources,Check fifty job descriptions a month,,,S1",
            $"T2,TeamWorkplan,Human Resources,Publish the appraisal guide,,,{ServiceObjective}");

        var preview = await director.Get<ImportService>().PreviewAsync(ImportKind.PlanItems, planId, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        var saved = await director.Get<ImportService>().SaveAsync(ImportKind.PlanItems, planId, file, Ct);

        Assert.Equal(3, saved);
        var items = await _portal.QueryAsync(db => db.ThreadItems.ToDictionaryAsync(i => i.Title, Ct));
        var objective = items["Bring every job description up to date"];
        var check = items["Check fifty job descriptions a month"];
        Assert.Equal(ThreadItemKind.ServiceObjective, objective.Kind);
        Assert.Equal(ThreadItemKind.TeamItem, check.Kind);
        var priority = await _portal.QueryAsync(db => db.Priorities.Where(p => p.PlanId == planId && p.Number == 1).Select(p => p.Id).SingleAsync(Ct));
        var links = await _portal.QueryAsync(db => db.ThreadLinks.ToListAsync(Ct));
        Assert.Contains(links, l => l.ChildId == objective.Id && l.ChildLevel == ThreadLevel.ServicePlan && l.ParentLevel == ThreadLevel.DirectoratePlan && l.ParentId == priority && l.IsPrimary);
        Assert.Contains(links, l => l.ChildId == check.Id && l.ChildLevel == ThreadLevel.TeamWorkplan && l.ParentLevel == ThreadLevel.ServicePlan && l.ParentId == objective.Id);
        Assert.Contains(links, l => l.ChildId == items["Publish the appraisal guide"].Id && l.ParentId == items[ServiceObjective].Id);
        Assert.Contains(published, c => c.Node == new ThreadNode(ThreadLevel.TeamWorkplan, check.Id));
    }

    [Fact]
    public async Task RefusesALinkToALevelNotDirectlyAboveBesideItsRowAndSavesNothing()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await _portal.PlanIdAsync();
        var file = Spreadsheets.Csv(
            Header,
            "S1,ServicePlan,People and Improvement,Bring every job description up to date,,,1",
            "T1,TeamWorkplan,Human Resources,Skips the service plan,,,1",
            $"T2,TeamWorkplan,Human Resources,Links sideways,,,{TeamItem}",
            $"S2,ServicePlan,People and Improvement,Skips the directorate plan,,,{CorporatePriority}",
            "T3,TeamWorkplan,Human Resources,Links to another team item in the file,,,T4",
            "T4,TeamWorkplan,Human Resources,Fine,,,S1",
            "T5,TeamWorkplan,People and Improvement,A team item in a service,,,S1",
            "S3,ServicePlan,Finance,Another directorate's service,,,1",
            "S4,ServicePlan,People and Improvement,Goes nowhere,,,No such thing",
            "S1,ServicePlan,People and Improvement,Same ref,,,1");
        var items = await _portal.CountAsync(db => db.ThreadItems);
        var links = await _portal.CountAsync(db => db.ThreadLinks);

        var preview = await director.Get<ImportService>().PreviewAsync(ImportKind.PlanItems, planId, file, Ct);

        Assert.Empty(preview.Codes(2));
        Assert.Equal(["Thread.LinkSkipsLevel"], preview.Codes(3));
        Assert.Equal(["Thread.LinkNotUpward"], preview.Codes(4));
        Assert.Equal(["Thread.LinkSkipsLevel"], preview.Codes(5));
        Assert.Equal(["Thread.LinkNotUpward"], preview.Codes(6));
        Assert.Empty(preview.Codes(7));
        Assert.Equal(["Thread.ChooseTeam"], preview.Codes(8));
        Assert.Equal(["Import.UnitOutsidePlan"], preview.Codes(9));
        Assert.Equal(["Import.UnknownLink"], preview.Codes(10));
        Assert.Equal(["Import.DuplicateCode"], preview.Codes(11));
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(ImportKind.PlanItems, planId, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(items, await _portal.CountAsync(db => db.ThreadItems));
        Assert.Equal(links, await _portal.CountAsync(db => db.ThreadLinks));
    }
}
