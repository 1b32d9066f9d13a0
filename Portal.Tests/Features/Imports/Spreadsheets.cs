using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Portal.Tests.Features.Imports;

/// <summary>Reading workbooks back with MiniExcel, and making the files an import must refuse.</summary>
internal static class Spreadsheets
{
    public static List<IDictionary<string, object?>> Sheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    public static IReadOnlyList<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.GetSheetNames();
    }

    /// <summary>An entry's text, for what MiniExcel does not read back (number formats, formulas).</summary>
    public static string Entry(byte[] workbook, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The workbook with its first sheet's XML changed by <paramref name="change"/>.</summary>
    public static byte[] WithSheet(byte[] workbook, Func<string, string> change)
    {
        var sheet = change(Entry(workbook, "xl/worksheets/sheet1.xml"));
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    to.Write(Encoding.UTF8.GetBytes(sheet));
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>A zip that looks like a workbook and unpacks to <paramref name="megabytes"/> MB of spaces.</summary>
    public static byte[] Bomb(int megabytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Write(zip, "xl/workbook.xml", "<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                sheet.Write(block);
            }
        }

        return output.ToArray();
    }

    /// <summary>The same zip with every declared uncompressed size rewritten as 100 bytes: only counting what really unpacks catches it.</summary>
    public static byte[] Lying(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50)
            {
                BitConverter.GetBytes(100u).CopyTo(bytes, i + 22);
            }
            else if (signature == 0x02014b50)
            {
                BitConverter.GetBytes(100u).CopyTo(bytes, i + 24);
            }
        }

        return bytes;
    }

    public static byte[] Zip(string entry, string content)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, entry, content);
        }

        return output.ToArray();
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
