using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class CertificateTests
{
    private static Certificate Issued()
    {
        var certificate = new Certificate
        {
            Code = VerificationCode.New(), PersonId = "p-1", FullName = "王建国", EmployeeNumber = "M0001",
            IssuedAtUtc = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), IssuedOn = new DateOnly(2026, 6, 1), ValidThrough = new DateOnly(2027, 5, 31),
            TimeZoneId = "Asia/Shanghai", BasisKey = Certificate.KeyOf([12, 4]), ContentHash = "",
            Items = [new CertifiedItem(RequirementKind.Drill, "pre-posting", new LocalizedText("上岗前演练", "Pre-posting drill"), new DateOnly(2026, 6, 1), 1, "林晓雯", 900)],
        };
        certificate.ContentHash = certificate.ComputeHash();
        return certificate;
    }

    private static readonly DateTime DuringValidity = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2027-05-31T15:59:59Z", CertificateStatus.Valid)]   // 23:59:59 on its last day in Shanghai
    [InlineData("2027-05-31T16:00:00Z", CertificateStatus.Expired)]
    public void StatusAt_ValidThroughItsLastSiteLocalDay(string utcNow, CertificateStatus expected)
    {
        var now = DateTime.Parse(utcNow, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, Issued().StatusAt(now, basisIntact: true));
    }

    [Fact]
    public void StatusAt_Revoked_WinsOverEverything()
    {
        var certificate = Issued();
        certificate.RevokedAtUtc = DuringValidity;

        Assert.Equal(CertificateStatus.Revoked, certificate.StatusAt(DuringValidity, basisIntact: false));
    }

    [Fact]
    public void StatusAt_EditedNameOrBrokenBasis_Invalid()
    {
        var edited = Issued();
        edited.FullName = "王建华";

        Assert.Equal(CertificateStatus.Invalid, edited.StatusAt(DuringValidity, basisIntact: true));
        Assert.Equal(CertificateStatus.Invalid, Issued().StatusAt(DuringValidity, basisIntact: false));
        Assert.Equal(CertificateStatus.Valid, Issued().StatusAt(DuringValidity, basisIntact: true));
    }

    [Fact]
    public void KeyOf_SortsTheAttempts_AndReadsBack()
    {
        var certificate = Issued();

        Assert.Equal(",4,12,", certificate.BasisKey);
        Assert.Equal([4, 12], certificate.BasisAttemptIds);
    }

    [Fact]
    public void VerificationCode_New_FourGroupsOfCrockfordBase32_Unique()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Equal(code, VerificationCode.Normalise(code)));
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs", "ABCD-EFGH-JKMN-PQRS")]
    [InlineData("ABCDEFGHJKMNPQRS", "ABCD-EFGH-JKMN-PQRS")]
    [InlineData("0O1I L2 3456 789A BC", "0011-1234-5678-9ABC")]
    [InlineData("ABCD-EFGH-JKMN-PQR", null)]     // too short
    [InlineData("ABCD-EFGH-JKMN-PQRU", null)]    // U is not in the alphabet
    [InlineData("ABCD-EFGH-JKMN-PQRS-T", null)]
    [InlineData("../../etc/passwd", null)]
    [InlineData("", null)]
    public void VerificationCode_Normalise_Lenient_ButExact(string typed, string? expected)
    {
        Assert.Equal(expected, VerificationCode.Normalise(typed));
    }
}
