using Portal.Domain.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace Portal.Features.Members.Photos;

/// <summary>
/// Makes an uploaded photo safe to serve: its type is decided by its bytes (JPEG, PNG or WebP;
/// never the name or the browser's word), its size and pixel count are limited, and it is
/// re-encoded as a JPEG of at most <see cref="MaxSide"/> pixels a side with every metadata
/// profile (EXIF with its location, IPTC, XMP, ICC) left out.
/// </summary>
public static class PhotoImage
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 400;
    public const string ContentType = "image/jpeg";
    private const long MaxPixels = 40_000_000;

    private static readonly HashSet<string> Accepted = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    public static async Task<byte[]> ReadAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooBig();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static DomainRuleException TooBig() =>
        new("Photo.TooBig", $"The photo must be {MaxBytes / 1024 / 1024} MB or smaller.", "Photo", MaxBytes / 1024 / 1024);

    private static DomainRuleException NotAnImage() => new("Photo.Type", "The photo must be a JPEG, PNG or WebP image.", "Photo");

    public static byte[] Clean(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var format = bytes.Length == 0 ? null : Image.DetectFormat(bytes);
        if (format is null || !Accepted.Contains(format.DefaultMimeType))
        {
            throw NotAnImage();
        }

        try
        {
            // A truncated or crafted file fails here, and a huge one is refused before it is decoded.
            var info = Image.Identify(bytes);
            if (info is null || (long)info.Width * info.Height > MaxPixels)
            {
                throw NotAnImage();
            }

            using var image = Image.Load(bytes);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(MaxSide, MaxSide) }));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
            return output.ToArray();
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw NotAnImage();
        }
    }
}
