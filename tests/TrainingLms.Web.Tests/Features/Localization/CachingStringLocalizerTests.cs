using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingLms.Web.Features.Localization;

namespace TrainingLms.Web.Tests.Features.Localization;

/// <summary>The kept strings follow the language of each lookup, format as the framework's do, and keep no unknown name.</summary>
public sealed class CachingStringLocalizerTests : LocalizedContext
{
    [Fact]
    public void Lookups_InEitherLanguage_InAnyOrder_GiveThatLanguagesString()
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.IsType<CachingStringLocalizer>(localizer);

        foreach (var (culture, name, people) in new[] { ("zh-CN", "TrainingLms 服务礼仪培训", "共 3 人"), ("en-US", "TrainingLms service etiquette", "3 people"), ("zh-CN", "TrainingLms 服务礼仪培训", "共 3 人") })
        {
            UseCulture(culture);
            Assert.Equal(name, localizer["App.Name"].Value);
            Assert.Equal(people, localizer["People.Count", 3].Value);
        }
    }

    [Fact]
    public void AName_ThatNamesNothing_IsItself_AndNotFound()
    {
        UseCulture("en-US");
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var missing = localizer["No.Such.String"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.String", missing.Value);
        Assert.Equal("No.Such.String 7", localizer["No.Such.String {0}", 7].Value);
    }
}
