using System.Net;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionForms;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// Phone photos sent with an inspection, made here as real files: stored re-encoded without Exif (no GPS position),
/// shrunk to 1600 pixels on the long side; fakes, broken files and oversized ones refused with a message.
/// </summary>
public class PhotoIntakeTests : IAsyncLifetime
{
    private readonly InspectionsFactory factory = new();
    private PostSetUp post = default!;
    private HttpClient leader = default!;

    public async ValueTask InitializeAsync()
    {
        var siteId = await factory.CreateSiteAsync("S1");
        post = await factory.CreatePostAsync(siteId, "保洁一班", LineOfWork.Cleaning, "L1", "E1");
        leader = await factory.SignedInAsync("L1");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task JpegWithGpsExif_StoredWithoutExif_SameSize_ServedAsJpeg()
    {
        var source = TestPhotos.JpegWithGps(1200, 900);
        Assert.True(TestPhotos.HasExif(source));
        using (var codec = SKCodec.Create(new MemoryStream(source))) Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);

        var (stored, served) = await SendOneAsync(new Photo("give-way", "IMG_20261206.jpg", source));

        Assert.False(TestPhotos.HasExif(stored));
        Assert.DoesNotContain("GPS", System.Text.Encoding.Latin1.GetString(stored));
        Assert.Equal((1200, 900), Size(stored));
        Assert.Equal(stored, served);
    }

    [Fact]
    public async Task Png_StoredAsJpeg()
    {
        var (stored, _) = await SendOneAsync(new Photo("equipment", "screen.png", TestPhotos.Png(500, 700), "image/png"));

        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal((500, 700), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public async Task SixThousandPixelPhoto_ResizedTo1600OnTheLongSide()
    {
        var (stored, _) = await SendOneAsync(new Photo("give-way", "big.jpg", TestPhotos.Jpeg(6000, 3000, quality: 70)));

        Assert.Equal((1600, 800), Size(stored));
    }

    [Fact]
    public async Task TextFileNamedJpg_Refused_NothingSaved()
    {
        await AssertRefusedAsync(new Photo("give-way", "photo.jpg", "这不是图片，只是一段文字。"u8.ToArray()), "有文件不是照片");
    }

    [Fact]
    public async Task TruncatedJpeg_Refused_NothingSaved()
    {
        var whole = TestPhotos.Jpeg(1000, 800);

        await AssertRefusedAsync(new Photo("give-way", "cut.jpg", whole[..(whole.Length / 2)]), "照片已损坏或不完整");
    }

    [Fact]
    public async Task ThirtyMegabytePhoto_RefusedBySize_NothingSaved()
    {
        // A real JPEG followed by 30 MB: any decoder would read it, the length alone refuses it.
        var padded = TestPhotos.Jpeg(400, 300).Concat(new byte[30 * 1024 * 1024]).ToArray();

        await AssertRefusedAsync(new Photo("give-way", "huge.jpg", padded), "有照片超过 20 MB");
    }

    private async Task<(byte[] Stored, byte[] Served)> SendOneAsync(Photo photo)
    {
        var form = await OpenAsync(leader, post.TeamId);
        var response = await SendAsync(leader, form, Verdicts(form, photo.ItemKey), photo);
        var inspectionId = InspectionId(response);
        var row = await factory.WithDbAsync(db => db.InspectionPhotos.AsNoTracking().SingleAsync(p => p.InspectionId == inspectionId));
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.DataPath, "inspection-photos", row.StoredName));
        var served = await leader.GetAsync($"/inspections/photos/{row.Id}");
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        return (stored, await served.Content.ReadAsByteArrayAsync());
    }

    private async Task AssertRefusedAsync(Photo photo, string message)
    {
        var form = await OpenAsync(leader, post.TeamId);

        var response = await SendAsync(leader, form, Verdicts(form, photo.ItemKey), photo);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Inspections.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "inspection-photos")) && Directory.EnumerateFiles(Path.Combine(factory.DataPath, "inspection-photos")).Any());
    }

    private static (int, int) Size(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg));
        return (codec.Info.Width, codec.Info.Height);
    }
}
