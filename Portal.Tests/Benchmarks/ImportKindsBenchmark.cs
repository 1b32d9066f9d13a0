using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Imports;
using Portal.Infrastructure.Export;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Importing 5,000 indicators (each with a target), 5,000 risks or 5,000 posts from an Excel workbook: the
/// preview (target p95 under 5 s) and the save (one audited transaction; target p95 under 10 s), each beside a
/// raw SQL insert of the same rows into the kind's table in one transaction, as for the actions.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class ImportKindsBenchmark(ITestOutputHelper output)
{
    private const int Rows = 5_000;
    private const string Grade = "JNC for Chief Officers: Assistant Director";

    [Theory]
    [InlineData(ImportKind.Indicators)]
    [InlineData(ImportKind.Risks)]
    [InlineData(ImportKind.Posts)]
    public async Task MeasuresThePreviewAndTheSaveOfFiveThousandRows(ImportKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync();
        await using var admin = await portal.SignedInAsAsync(DemoUsers.Administrator);
        var imports = admin.Get<ImportService>();
        int? planId = null;
        int year, priority, owner, unit, grade;
        await using (var db = await portal.Db.CreateDbContextAsync(ct))
        {
            var plan = await db.Plans.Include(p => p.Priorities).OrderBy(p => p.Id).FirstAsync(ct);
            planId = kind == ImportKind.Posts ? null : plan.Id;
            (year, priority) = (plan.OpenYear, plan.Priorities.OrderBy(p => p.Number).First().Id);
            owner = await db.People.Where(p => p.Email == DemoUsers.Director).Select(p => p.Id).SingleAsync(ct);
            unit = await db.OrganisationUnits.Where(u => u.Name == "Human Resources").Select(u => u.Id).SingleAsync(ct);
            grade = await db.Grades.Where(g => g.Name == Grade).Select(g => g.Id).SingleAsync(ct);
        }

        var columns = (await imports.TemplateAsync(kind, planId, withRows: false, ct)).Tables[0].Columns;
        byte[] File(string batch) => ExcelExport.Write(
            new ExportWorkbook("bench", [new(kind.ToString(), columns, [.. Enumerable.Range(1, Rows).Select(i => Row(kind, batch, i, year))])]), key => key);
        var preview = File("P");
        Assert.True((await imports.PreviewAsync(kind, planId, preview, ct)).CanSave);
        var previews = await BenchmarkReport.MeasureAsync(3, async () => Assert.Equal(Rows, (await imports.PreviewAsync(kind, planId, preview, ct)).Rows.Count));
        var batches = new Queue<byte[]>(new[] { "S1", "S2", "S3" }.Select(File));
        var saves = await BenchmarkReport.MeasureAsync(3, async () => Assert.Equal(Rows, await imports.SaveAsync(kind, planId, batches.Dequeue(), ct)));

        await using var connection = new SqliteConnection(portal.ConnectionString);
        await connection.OpenAsync(ct);
        var raw = 0;
        var inserts = await BenchmarkReport.MeasureAsync(3, async () =>
        {
            raw++;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = kind switch
            {
                ImportKind.Indicators => """
                    INSERT INTO PlanIndicators (PlanId, PriorityId, Code, Title, Definition, Unit, Polarity, Frequency, Baseline, Tolerance, OwnerId, Version)
                    VALUES ($plan, $priority, $key, $key, 'Generated for the benchmark.', 'Number', 'HigherIsBetter', 'Quarterly', '10.0', '1.0', $owner, 1)
                    """,
                ImportKind.Risks => """
                    INSERT INTO PlanRisks (PlanId, Year, PriorityId, Title, Cause, Consequence, Controls, OwnerId, InherentLikelihood, InherentImpact,
                        ResidualLikelihood, ResidualImpact, TargetLikelihood, TargetImpact, ReviewDate, IsClosed, Version)
                    VALUES ($plan, $year, NULL, $key, 'A cause', 'A consequence', 'Controls', $owner, 4, 4, 3, 3, 2, 2, '2027-01-31', 0, 1)
                    """,
                _ => """
                    INSERT INTO Posts (Number, Title, UnitId, GradeId, Fte, EstablishedOn, Recruitment, Version)
                    VALUES ($key, 'Benchmark officer', $unit, $grade, '1.0', '2026-04-01', 'None', 1)
                    """,
            };
            for (var i = 1; i <= Rows; i++)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$plan", (object?)planId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$priority", priority);
                insert.Parameters.AddWithValue("$year", year);
                insert.Parameters.AddWithValue("$owner", owner);
                insert.Parameters.AddWithValue("$unit", unit);
                insert.Parameters.AddWithValue("$grade", grade);
                insert.Parameters.AddWithValue("$key", string.Create(CultureInfo.InvariantCulture, $"R{raw}-{i}"));
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        });

        var what = kind switch
        {
            ImportKind.Indicators => $"{Rows} indicators with a target",
            ImportKind.Risks => $"{Rows} risks",
            _ => $"{Rows} posts",
        };
        var baseline = kind == ImportKind.Indicators ? "raw SQL insert of the indicators (their targets left out)" : "raw SQL insert of the same rows";
        output.WriteLine(BenchmarkReport.Format($"import preview of {what} (.xlsx)", previews, inserts, baseline, targetMs: 5_000));
        output.WriteLine(BenchmarkReport.Format($"import save of {what} (.xlsx, one transaction, audited)", saves, inserts, baseline, targetMs: 10_000));
    }

    private static object?[] Row(ImportKind kind, string batch, int i, int year) => kind switch
    {
        ImportKind.Indicators =>
        [
            $"{batch}-{i}", 1, $"{batch} indicator {i}", "Generated for the benchmark.", "Number", "HigherIsBetter", "Quarterly", 10m, 1m, DemoUsers.Director,
            year, 1, 50m, null, null,
        ],
        ImportKind.Risks =>
        [
            $"{batch} risk {i}", null, DemoUsers.Director, "A cause", "A consequence", "Controls", 4, 4, 3, 3, 2, 2, new DateOnly(2027, 1, 31),
        ],
        _ => [$"{batch}-{i}", "Benchmark officer", "Human Resources", Grade, 1m, new DateOnly(2026, 4, 1), null, null, null, null],
    };
}
