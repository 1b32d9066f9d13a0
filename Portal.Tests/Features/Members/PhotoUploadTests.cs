using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Members.Photos;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Tests.Features.Members;

/// <summary>
/// A councillor's photo upload: the type decided by the bytes, the size limit, and what is
/// kept: a JPEG no larger than 400 pixels a side with no metadata (the test's photo carries a
/// GPS position and a camera owner's name in EXIF), served to anyone.
/// </summary>
public sealed class PhotoUploadTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<int> WalkerAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync(Ct);
    }

    private static byte[] PhotoWithLocation(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 40, 40));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Jo Walker's phone");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(53, 1), new Rational(57, 1), new Rational(30, 1)]);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    [Fact]
    public async Task AnUploadedPhotoIsResizedAndStrippedOfItsMetadataAndServedToAnyone()
    {
        var walker = await WalkerAsync();
        var original = PhotoWithLocation(1200, 900);
        Assert.Contains("Jo Walker's phone", Encoding.Latin1.GetString(original), StringComparison.Ordinal);
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        await councillor.Get<PhotoService>().UploadAsync(walker, new MemoryStream(original), Ct);

        await using var visitor = _portal.Anonymous();
        var photo = (await visitor.Get<PhotoService>().GetAsync(walker, Ct))!;
        Assert.Equal("image/jpeg", photo.ContentType);
        using var stored = Image.Load(photo.Bytes);
        Assert.Equal((400, 300), (stored.Width, stored.Height));
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.Null(stored.Metadata.XmpProfile);
        Assert.DoesNotContain("Jo Walker's phone", Encoding.Latin1.GetString(photo.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedWhateverItIsCalled()
    {
        var walker = await WalkerAsync();
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        var script = Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        var gif = Encoding.ASCII.GetBytes("GIF89a").Concat(new byte[64]).ToArray();
        foreach (var bytes in new[] { script, gif, Array.Empty<byte>(), PhotoWithLocation(40, 40)[..200] })
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => councillor.Get<PhotoService>().UploadAsync(walker, new MemoryStream(bytes), Ct));
            Assert.Equal("Photo.Type", refused.Code);
        }

        await using var visitor = _portal.Anonymous();
        Assert.Null(await visitor.Get<PhotoService>().GetAsync(walker, Ct));
    }

    [Fact]
    public async Task APhotoOverTheSizeLimitIsRefusedAndOnlyTheCouncillorOrTheProperOfficerMayUpload()
    {
        var walker = await WalkerAsync();
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        var tooBig = new byte[PhotoImage.MaxBytes + 1];
        PhotoWithLocation(40, 40).CopyTo(tooBig, 0);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => councillor.Get<PhotoService>().UploadAsync(walker, new MemoryStream(tooBig), Ct));
        Assert.Equal("Photo.TooBig", refused.Code);

        await using var other = await _portal.SignedInAsAsync(DemoUsers.SecondMember);
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<PhotoService>().UploadAsync(walker, new MemoryStream(PhotoWithLocation(40, 40)), Ct));
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await admin.Get<PhotoService>().UploadAsync(walker, new MemoryStream(PhotoWithLocation(40, 40)), Ct);
        Assert.Equal(1, (await admin.Get<PhotoService>().GetAsync(walker, Ct))!.Version);
    }
}
