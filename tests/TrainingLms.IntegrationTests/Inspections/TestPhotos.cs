using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>Real picture files made in the test: camera-like JPEGs (with a GPS Exif block), PNGs, huge, broken and fake ones.</summary>
public static class TestPhotos
{
    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png, 100);

    /// <summary>A JPEG with an APP1 Exif segment right after its start marker, holding the GPS position 31°14'N 121°29'E.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = GpsTiff();
        var segment = new List<byte> { 0xFF, 0xE1 };
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        segment.Add((byte)((payload.Length + 2) >> 8));
        segment.Add((byte)((payload.Length + 2) & 0xFF));
        segment.AddRange(payload);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A little-endian TIFF block: IFD0 with one entry (the GPS IFD's offset), the GPS IFD with latitude and longitude.</summary>
    private static byte[] GpsTiff()
    {
        var bytes = new byte[200];
        var span = bytes.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);
        // IFD0 at 8: one entry, GPSInfo (0x8825) LONG 1 → 26; next IFD 0.
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 1);
        Entry(span[10..], 0x8825, 4, 1, 26);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], 0);
        // GPS IFD at 26: four entries → values from 80.
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], 4);
        Entry(span[28..], 0x0001, 2, 2, 'N');          // GPSLatitudeRef "N\0" inline
        Entry(span[40..], 0x0002, 5, 3, 80);           // GPSLatitude three rationals at 80
        Entry(span[52..], 0x0003, 2, 2, 'E');          // GPSLongitudeRef "E\0" inline
        Entry(span[64..], 0x0004, 5, 3, 104);          // GPSLongitude three rationals at 104
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], 0);
        uint[] values = [31, 1, 14, 1, 0, 1, 121, 1, 29, 1, 0, 1];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(span[(80 + i * 4)..], values[i]);
        return bytes[..128];

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
        }
    }

    /// <summary>Whether the bytes hold an Exif block (an APP1 "Exif" segment) anywhere.</summary>
    public static bool HasExif(byte[] bytes) => bytes.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    /// <summary>A picture with a gradient and noise, so that a JPEG of it is neither tiny nor trivially compressible.</summary>
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        var pixels = new SKColor[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)(128 + random.Next(32)));
        bitmap.Pixels = pixels;
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
