using System.Xml.Linq;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Web.Tests.Resources;

public class SharedResourceTests
{
    private static Dictionary<string, string> Strings(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", fileName);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [Fact]
    public void SharedResource_EnglishAndChinese_SameKeys()
    {
        var english = Strings("SharedResource.resx");
        var chinese = Strings("SharedResource.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys).Order());
        Assert.Empty(chinese.Keys.Except(english.Keys).Order());
        Assert.True(english.Count > 100, $"Only {english.Count} strings read: is the right file linked?");
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void SharedResource_EveryString_NotBlank(string fileName)
    {
        var blank = Strings(fileName).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key);

        Assert.Empty(blank);
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void RoleAndLineOfWorkNames_AsThePagesAndTheExportWriteThem_TheImportReadsBack(string fileName)
    {
        // The people export writes roles and lines of work in the interface's words; an import of it must understand them.
        var strings = Strings(fileName);

        Assert.All(Roles.All, role => Assert.Equal(role, Roles.FromName(strings[$"Role.{role}"])));
        Assert.All(Enum.GetValues<LineOfWork>(), line => Assert.Equal(line, LinesOfWork.FromName(strings[$"LineOfWork.{line}"])));
    }

    [Fact]
    public void SharedResource_ImportProblemsAndLinesOfWork_EachHasAString()
    {
        // Components look these up by enum name, which the compiler cannot check.
        var keys = Strings("SharedResource.resx").Keys.ToHashSet();
        var needed = Enum.GetNames<ImportProblem>().Select(n => $"ImportProblem.{n}")
            .Concat(Enum.GetNames<LineOfWork>().Select(n => $"LineOfWork.{n}"));

        Assert.Empty(needed.Except(keys));
    }

    [Fact]
    public void SharedResource_PasswordProblems_EachHasAString()
    {
        // WeakPasswordValidator looks these up by enum name.
        var keys = Strings("SharedResource.resx").Keys.ToHashSet();

        Assert.Empty(Enum.GetNames<PasswordProblem>().Select(n => $"Identity.Password{n}").Except(keys));
    }

    [Fact]
    public void SharedResource_DrillStatesAndProblems_EachHasAString()
    {
        var keys = Strings("SharedResource.resx").Keys.ToHashSet();
        string[] drillProblems =
        [
            "NoCriteria", "TooManyCriteria", "DuplicateCriterion", "NoWeight", "CriterionKeyInvalid", "ScaleInvalid", "PassAtNotApplicable",
            "PassAtRequired", "PassAtAboveScale", "BlockInDrill", "ImageInDrill", "EnglishWithoutDrill",
        ];
        var needed = Enum.GetNames<ClearanceStatus>().Select(n => $"Clearance.Status.{n}")
            .Concat(Enum.GetNames<GapReason>().Select(n => $"Clearance.Gap.{n}"))
            .Concat(Enum.GetNames<CertificateStatus>().SelectMany(n => new[] { $"Certificate.Status.{n}", $"Certificate.Verify.Meaning.{n}" }))
            .Concat(Enum.GetNames<SessionKind>().Select(n => $"Drills.Kind.{n}"))
            .Concat(drillProblems.Select(code => $"Content.Problem.{code}"));

        Assert.Empty(needed.Except(keys));
    }

    [Theory]
    [InlineData("Rectifications")]
    [InlineData("FootageSessions.Action")]
    public void SharedResource_FollowUpFormsAndBadges_EachTextUnderTheirPrefix(string prefix)
    {
        // FollowUpForms and FollowUpBadge look these up under the prefix a page gives them.
        var keys = Strings("SharedResource.resx").Keys.ToHashSet();
        var needed = new[] { "WhatWasDone", "Close", "Verify", "ReopenReason", "Reopen", "Overdue" }
            .Concat(Enum.GetNames<FollowUpStatus>().Select(n => $"Status.{n}")).Select(n => $"{prefix}.{n}");

        Assert.Empty(needed.Except(keys));
    }
}
