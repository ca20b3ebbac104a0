using SkiaSharp;

namespace TrainingLms.Web.Features.Inspections.Photos;

/// <summary>A photo made ready to store: re-encoded JPEG bytes (no metadata) and its size.</summary>
public sealed record IntakenPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>Why a file was not taken as a photo; each is a resource key shown to the person who sent it.</summary>
public enum PhotoRefusal
{
    TooLarge = 1,
    NotAnImage = 2,
    Broken = 3,
    TooManyPixels = 4,
}

/// <summary>
/// Takes a phone camera's picture in: JPEG, PNG or WebP only, decoded with its EXIF orientation applied, shrunk so its
/// long side fits, and written again as a JPEG — which keeps none of the original's metadata (GPS position, camera,
/// time). A file too long is refused by its length before anything decodes it; one that does not decode completely is
/// refused rather than stored half grey.
/// </summary>
public sealed class PhotoIntake(IOptions<InspectionOptions> options)
{
    private const int Quality = 85;

    public (IntakenPhoto? Photo, PhotoRefusal? Refusal) Take(Stream source, long length)
    {
        var settings = options.Value;
        if (length > settings.MaxPhotoBytes) return (null, PhotoRefusal.TooLarge);
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        if (buffer.Length > settings.MaxPhotoBytes) return (null, PhotoRefusal.TooLarge);
        buffer.Position = 0;

        using var codec = SKCodec.Create(buffer);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return (null, PhotoRefusal.NotAnImage);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return (null, PhotoRefusal.NotAnImage);
        if ((long)width * height > settings.MaxPhotoPixels) return (null, PhotoRefusal.TooManyPixels);

        // A JPEG decodes at 1/2, 1/4 or 1/8 directly: no need to hold a 6000-pixel picture in memory whole.
        var target = Math.Min(settings.MaxPhotoSide, Math.Max(width, height));
        var decodeSize = new[] { 0.125f, 0.25f, 0.5f, 1f }.Select(codec.GetScaledDimensions)
            .FirstOrDefault(size => Math.Max(size.Width, size.Height) >= target, new SKSizeI(width, height));
        var info = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success) return (null, PhotoRefusal.Broken);

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var fit = Math.Min(1d, (double)settings.MaxPhotoSide / Math.Max(upright.Width, upright.Height));
        var (outWidth, outHeight) = (Math.Max(1, (int)Math.Round(upright.Width * fit)), Math.Max(1, (int)Math.Round(upright.Height * fit)));

        using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        // A transparent PNG has no background of its own; a JPEG needs one.
        canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(upright))
            canvas.DrawImage(image, new SKRect(0, 0, outWidth, outHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return (new IntakenPhoto(data.ToArray(), outWidth, outHeight), null);
    }

    /// <summary>The picture turned the way the camera said it was held (the EXIF orientation).</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return bitmap.Copy();
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swaps ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var turned = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(turned);
        // Where each source pixel (x, y) lands: x' = a·x + b·y + c, y' = d·x + e·y + f.
        float w = width, h = height;
        var (a, b, c, d, e, f) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1f, 0f, w, 0f, 1f, 0f),
            SKEncodedOrigin.BottomRight => (-1f, 0f, w, 0f, -1f, h),
            SKEncodedOrigin.BottomLeft => (1f, 0f, 0f, 0f, -1f, h),
            SKEncodedOrigin.LeftTop => (0f, 1f, 0f, 1f, 0f, 0f),
            SKEncodedOrigin.RightTop => (0f, -1f, w, 1f, 0f, 0f),
            SKEncodedOrigin.RightBottom => (0f, -1f, w, -1f, 0f, h),
            _ => (0f, 1f, 0f, -1f, 0f, h),
        };
        canvas.SetMatrix(new SKMatrix(a, b, c, d, e, f, 0, 0, 1));
        using (var image = SKImage.FromBitmap(bitmap)) canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }
}
