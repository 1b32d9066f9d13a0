using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data.PostgreSQL;

/// <summary>
/// Reads and writes a table's rows through the model's own column types, so a value means the same
/// on either engine: SQLite's text dates, decimals and GUIDs and its JSON lists come back as the
/// model's values, and go to PostgreSQL as its own types. Also orders the tables so every table's
/// principals come first, and sums up a table's rows as a count and a checksum computed the same
/// way on both engines.
/// </summary>
public static class TableRows
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>The model's tables, each after the tables its foreign keys point to (a table pointing at itself is ordered row by row when copied).</summary>
    public static IReadOnlyList<ITable> InDependencyOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tables = model.GetRelationalModel().Tables
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t.Name)
                && t.ForeignKeyConstraints.All(f => f.PrincipalTable.Name == t.Name || placed.Contains(f.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException(
                    $"The tables {string.Join(", ", tables.Where(t => !placed.Contains(t.Name)).Select(t => t.Name))} point at each other: no order copies them.");
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.Name);
            }
        }

        return ordered;
    }

    /// <summary>A table's columns in one order both engines agree on (by name).</summary>
    public static IReadOnlyList<IColumn> Columns(ITable table) =>
        [.. (table ?? throw new ArgumentNullException(nameof(table))).Columns.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every row of <paramref name="table"/>, each value as the model holds it.</summary>
    public static async Task<List<object?[]>> ReadAsync(DbConnection connection, DbTransaction? transaction, ITable table, IReadOnlyList<IColumn> columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
        var readers = columns.Select(ValueReader).ToArray();
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, ct) ? null : readers[i](reader, i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Inserts <paramref name="rows"/> (model values, in <paramref name="columns"/>' order) as the target engine's types, many rows a statement.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, ITable table, IReadOnlyList<IColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var mappings = columns.Select(Mapping).ToArray();
        var perStatement = Math.Clamp(20_000 / Math.Max(1, columns.Count), 1, 500);
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({names}) VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var i = 0; i < columns.Count; i++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{n++}");
                    command.Parameters.Add(mappings[i].CreateParameter(command, name, chunk[r][i], columns[i].IsNullable));
                    sql.Append(i == 0 ? "@" : ", @").Append(name);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// The rows ordered so that a row another row of the same table points at (a parent comment, a
    /// line manager) comes before it; other tables' rows as they are.
    /// </summary>
    public static IReadOnlyList<object?[]> ParentsFirst(ITable table, IReadOnlyList<IColumn> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var selfKeys = table.ForeignKeyConstraints.Where(f => f.PrincipalTable.Name == table.Name).ToList();
        if (selfKeys.Count == 0)
        {
            return rows;
        }

        int Index(IColumn column) => columns.Select((c, i) => (c, i)).First(x => x.c.Name == column.Name).i;
        var links = selfKeys.Select(fk =>
        {
            var dependent = fk.Columns.Select(Index).ToArray();
            var principal = fk.PrincipalColumns.Select(Index).ToArray();
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                byKey.TryAdd(Key(rows[i], principal), i);
            }

            return (dependent, byKey);
        }).ToList();

        var ordered = new List<object?[]>(rows.Count);
        var state = new byte[rows.Count]; // 0 not yet, 1 being placed, 2 placed
        void Place(int i)
        {
            if (state[i] == 2)
            {
                return;
            }

            if (state[i] == 1)
            {
                throw new InvalidOperationException($"Rows of {table.Name} point at each other in a circle: no order copies them.");
            }

            state[i] = 1;
            foreach (var (dependent, byKey) in links)
            {
                if (dependent.All(d => rows[i][d] is not null) && byKey.TryGetValue(Key(rows[i], dependent), out var parent) && parent != i)
                {
                    Place(parent);
                }
            }

            state[i] = 2;
            ordered.Add(rows[i]);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            Place(i);
        }

        return ordered;
    }

    /// <summary>
    /// The rows summed up: the same rows give the same checksum on either engine, in any order.
    /// Each value is written out in one invariant form (times in UTC to the microsecond, which is
    /// what PostgreSQL keeps; decimals without trailing zeros; lists element by element).
    /// </summary>
    public static string Checksum(IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in rows.Select(r => string.Join('|', r.Select(Normalise))).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static string Normalise(object? value) => value switch
    {
        null => "-",
        string s => string.Create(CultureInfo.InvariantCulture, $"s{s.Length}:{s}"),
        bool b => b ? "t" : "f",
        DateTime d => "d" + Microseconds(d.Ticks),
        DateTimeOffset o => "o" + Microseconds(o.UtcTicks),
        TimeSpan t => "t" + Microseconds(t.Ticks),
        TimeOnly t => "t" + Microseconds(t.Ticks),
        DateOnly d => "D" + d.DayNumber.ToString(CultureInfo.InvariantCulture),
        decimal m => "m" + TrimZeros(m.ToString(CultureInfo.InvariantCulture)),
        double x => "x" + x.ToString("R", CultureInfo.InvariantCulture),
        float x => "x" + ((double)x).ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "b" + Convert.ToBase64String(bytes),
        Guid g => "g" + g.ToString("D"),
        Enum e => "n" + Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Normalise)) + "]",
        IFormattable f => "n" + f.ToString(null, CultureInfo.InvariantCulture),
        _ => "?" + value,
    };

    private static string Microseconds(long ticks) => (ticks / 10).ToString(CultureInfo.InvariantCulture);

    private static string TrimZeros(string number) =>
        number.Contains('.', StringComparison.Ordinal) ? number.TrimEnd('0').TrimEnd('.') : number;

    private static string Key(object?[] row, int[] columns) => string.Join('|', columns.Select(c => Normalise(row[c])));

    private static RelationalTypeMapping Mapping(IColumn column) => column.PropertyMappings.First().TypeMapping;

    /// <summary>Reads a column as its engine stores it (the mapping's provider type), then converts it to the model's value.</summary>
    private static Func<DbDataReader, int, object?> ValueReader(IColumn column)
    {
        var mapping = Mapping(column);
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var get = GetFieldValue.MakeGenericMethod(stored);
        var converter = mapping.Converter;
        return (reader, i) =>
        {
            var value = get.Invoke(reader, [i]);
            return converter is null ? value : converter.ConvertFromProvider(value);
        };
    }
}
