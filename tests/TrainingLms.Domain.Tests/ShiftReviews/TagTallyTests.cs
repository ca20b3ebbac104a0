using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Domain.Tests.ShiftReviews;

public class TagTallyTests
{
    [Fact]
    public void Count_TagSets_MostFrequentFirst_TiesInDisplayOrder_ZerosLeftOut()
    {
        var tally = TagTally.Count([
            EtiquettePoint.Rise | EtiquettePoint.Smile,
            EtiquettePoint.Rise,
            EtiquettePoint.Greet | EtiquettePoint.Smile,
            EtiquettePoint.Rise,
            EtiquettePoint.None,
        ]);

        Assert.Equal([new(EtiquettePoint.Rise, 3), new(EtiquettePoint.Smile, 2), new(EtiquettePoint.Greet, 1)], tally);
    }

    [Fact]
    public void Count_GroupedSets_WeightEachSetByItsCount()
    {
        var tally = TagTally.Count([(EtiquettePoint.Hygiene | EtiquettePoint.Appearance, 4), (EtiquettePoint.Hygiene, 3)]);

        Assert.Equal([new(EtiquettePoint.Hygiene, 7), new(EtiquettePoint.Appearance, 4)], tally);
    }

    [Fact]
    public void Parse_KnownNamesOnly_AndCleanDropsStrayBits()
    {
        Assert.Equal(EtiquettePoint.Meet | EtiquettePoint.FirstInquiry, EtiquettePoints.Parse(["Meet", "FirstInquiry", "Salute", null, "None"]));
        Assert.Equal(EtiquettePoint.Language, EtiquettePoints.Clean((EtiquettePoint)(32 | 1024)));
        Assert.Equal([EtiquettePoint.Smile, EtiquettePoint.Hygiene], EtiquettePoints.Split(EtiquettePoint.Hygiene | EtiquettePoint.Smile));
    }
}
