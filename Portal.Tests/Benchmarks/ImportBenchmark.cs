using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Imports;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Export;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Importing 5,000 key actions, each with a milestone, from an Excel workbook into the demo plan: the preview
/// (read, check every row against the domain; target p95 under 5 s) and the save (the same again, then one
/// audited transaction; target p95 under 10 s), beside a raw SQL insert of the same rows in one transaction.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class ImportBenchmark(ITestOutputHelper output)
{
    private const int Actions = 5_000;

    [Fact]
    public async Task MeasuresThePreviewAndTheSaveOfFiveThousandActions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync();
        await using var director = await portal.SignedInAsAsync(DemoUsers.Director);
        var imports = director.Get<ImportService>();
        int planId;
        await using (var db = await portal.Db.CreateDbContextAsync(ct))
        {
            planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        }

        var choices = await director.Get<PlanService>().GetChoicesAsync(planId, ct);
        var owner = DemoUsers.Director;
        var unit = choices.Units[0].Name;
        var columns = (await imports.TemplateAsync(planId, withRows: false, ct)).Tables[0].Columns;
        var making = Stopwatch.StartNew();
        byte[] File(string batch) => ExcelExport.Write(new ExportWorkbook("bench", [new("Actions", columns, [.. Enumerable.Range(1, Actions).Select(i => new object?[]
        {
            $"{batch}{i}", 1 + (i % choices.Priorities.Count), $"{batch} action {i}", "Generated for the benchmark.", owner, unit,
            new DateOnly(2026, 5, 1), new DateOnly(2027, 3, 31), $"Milestone of {batch} action {i}", new DateOnly(2026, 12, 31),
        })])]), key => key);
        var preview = File("P");
        output.WriteLine($"Made a workbook of {Actions} rows ({preview.Length / 1024} KB) in {making.Elapsed.TotalSeconds:F1} s");

        Assert.True((await imports.PreviewAsync(planId, preview, ct)).CanSave);
        var previews = await BenchmarkReport.MeasureAsync(5, async () => Assert.Equal(Actions, (await imports.PreviewAsync(planId, preview, ct)).Rows.Count));
        var batches = new Queue<byte[]>(new[] { "BenchS1", "BenchS2", "BenchS3" }.Select(File));
        var saves = await BenchmarkReport.MeasureAsync(3, async () => Assert.Equal(Actions, await imports.SaveAsync(planId, batches.Dequeue(), ct)));

        await using var connection = new SqliteConnection(portal.ConnectionString);
        await connection.OpenAsync(ct);
        var raw = 0;
        var inserts = await BenchmarkReport.MeasureAsync(3, async () =>
        {
            raw++;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var action = connection.CreateCommand();
            action.Transaction = transaction;
            action.CommandText = """
                INSERT INTO PlanActions (PlanId, PriorityId, Year, Title, Description, OwnerId, LeadUnitId, StartDate, DueDate, Status, PercentComplete, Version)
                VALUES ($plan, $priority, 2026, $title, 'Generated for the benchmark.', $owner, $unit, '2026-05-01', '2027-03-31', 'NotStarted', 0, 1);
                SELECT last_insert_rowid();
                """;
            await using var milestone = connection.CreateCommand();
            milestone.Transaction = transaction;
            milestone.CommandText = "INSERT INTO PlanMilestones (ActionId, Title, DueDate, IsDone, Version) VALUES ($action, $title, '2026-12-31', 0, 1)";
            for (var i = 1; i <= Actions; i++)
            {
                action.Parameters.Clear();
                action.Parameters.AddWithValue("$plan", planId);
                action.Parameters.AddWithValue("$priority", choices.Priorities[i % choices.Priorities.Count].Id);
                action.Parameters.AddWithValue("$title", string.Create(CultureInfo.InvariantCulture, $"R{raw} action {i}"));
                action.Parameters.AddWithValue("$owner", choices.People[0].Id);
                action.Parameters.AddWithValue("$unit", choices.Units[0].Id);
                var id = (long)(await action.ExecuteScalarAsync(ct))!;
                milestone.Parameters.Clear();
                milestone.Parameters.AddWithValue("$action", id);
                milestone.Parameters.AddWithValue("$title", string.Create(CultureInfo.InvariantCulture, $"Milestone of R{raw} action {i}"));
                await milestone.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        });

        output.WriteLine(BenchmarkReport.Format($"import preview of {Actions} actions with milestones (.xlsx)", previews, inserts, "raw SQL insert of the same rows", targetMs: 5_000));
        output.WriteLine(BenchmarkReport.Format($"import save of {Actions} actions with milestones (.xlsx, one transaction, audited)", saves, inserts, "raw SQL insert of the same rows", targetMs: 10_000));
        await using var check = await portal.Db.CreateDbContextAsync(ct);
        Assert.Equal(3 * Actions, await check.Actions.CountAsync(a => a.Title.StartsWith("BenchS"), ct));
    }
}
