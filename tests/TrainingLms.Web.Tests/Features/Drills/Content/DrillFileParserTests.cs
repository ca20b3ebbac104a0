using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Drills.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Tests.Features.Drills.Content;

/// <summary>
/// The real rubrics in content/drills parse completely; a corpus of rubrics each one fault away from valid yields
/// exactly one problem, on the line of the file where the fault is.
/// </summary>
public class DrillFileParserTests
{
    private const string File = "drills/sample.md";

    private const string Valid = """
        ---
        slug: sample-drill
        version: 2
        title: { zh-CN: 样例演练, en: Sample drill }
        summary: { zh-CN: 测试用, en: For tests }
        passMark: 80
        validityMonths: 12
        retakeAfterDays: 7
        criteria:
          - key: smile
            title: { zh-CN: 微笑, en: Smile }
            standard: { zh-CN: 不露齿, en: Teeth covered }
            scale: 0-4
            weight: 2
            mustPass: true
            passAt: 3
          - key: rise
            title: { zh-CN: 起身, en: Rise }
            standard: { zh-CN: 起身服务, en: Stand to serve }
            scale: pass-fail
            weight: 1
            mustPass: true
        ---
        ## 演练方法

        由同事扮演业主。
        """;

    [Fact]
    public void Parse_Valid_ReadsEveryField()
    {
        var parsed = Parse(Valid, english: "## How it runs\n\nA colleague plays the owner.\n");

        Assert.Equal("sample-drill", parsed.Slug);
        var revision = parsed.Revision;
        Assert.Equal((2, 80, 12, 7), (revision.Version, revision.PassMark, revision.ValidityMonths, revision.RetakeWaitDays));
        Assert.Equal(["smile", "rise"], revision.Criteria.Select(c => c.Key));
        Assert.Equal(new CriterionScale(ScaleKind.Points, 4), revision.Criteria[0].Scale);
        Assert.Equal(3, revision.Criteria[0].MeetsAt);
        Assert.Equal(CriterionScale.PassFail, revision.Criteria[1].Scale);
        Assert.Contains("由同事扮演业主", revision.Briefing.Zh);
        Assert.Contains("colleague", revision.Briefing.En);
        Assert.Matches("^[0-9a-f]{64}$", parsed.RevisionHash);
    }

    [Fact]
    public void RevisionHash_ChangesWithTheRubric_NotWithTrailingBlankLines()
    {
        var hash = Parse(Valid).RevisionHash;

        Assert.Equal(hash, Parse(Valid + "\n\n").RevisionHash);
        Assert.NotEqual(hash, Parse(Valid.Replace("passMark: 80", "passMark: 85")).RevisionHash);
        Assert.NotEqual(hash, Parse(Valid.Replace("weight: 1", "weight: 2")).RevisionHash);
    }

    public static TheoryData<string, string, string, string> Faults => new()
    {
        // what is wrong, text replaced, by what, → code on line
        { "slug missing", "slug: sample-drill\n", "", "Required|2" },
        { "bad slug", "slug: sample-drill", "slug: Sample Drill", "SlugInvalid|2" },
        { "pass mark out of range", "passMark: 80", "passMark: 180", "NotANumber|6" },
        { "validity missing a value", "validityMonths: 12", "validityMonths:", "Required|7" },
        { "English title missing", "title: { zh-CN: 样例演练, en: Sample drill }", "title: { zh-CN: 样例演练 }", "Required|4" },
        { "unknown field", "retakeAfterDays: 7", "retakeAfterDays: 7\nretakeAfter: 7", "UnknownField|9" },
        { "scale misspelt", "scale: pass-fail", "scale: passfail", "ScaleInvalid|20" },
        { "scale too wide", "scale: 0-4", "scale: 0-20", "ScaleInvalid|13" },
        { "passAt missing", "    passAt: 3\n", "", "PassAtRequired|10" },
        { "passAt above the scale", "passAt: 3", "passAt: 5", "PassAtAboveScale|16" },
        { "passAt on pass/fail", "    mustPass: true\n---", "    mustPass: true\n    passAt: 1\n---", "PassAtNotApplicable|23" },
        { "duplicate key", "key: rise", "key: smile", "DuplicateCriterion|17" },
        { "bad key", "key: rise", "key: Rise!", "CriterionKeyInvalid|17" },
        { "weight not a number", "weight: 2", "weight: two", "NotANumber|14" },
        { "quiz block in the briefing", "由同事扮演业主。", "由同事扮演业主。\n\n```quiz\npassMark: 80\n```", "BlockInDrill|28" },
        { "picture in the briefing", "由同事扮演业主。", "![图](a.png)", "ImageInDrill|26" },
        { "front matter unclosed", "---\n## 演练方法", "## 演练方法", "FrontMatterUnclosed|1" },
        { "tab in YAML", "    weight: 1\n", "\tweight: 1\n", "YamlTab|21" },
        { "a minimum action not must-pass", "    mustPass: true\n---", "    minimum: true\n---", "MinimumNotMustPass|22" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Parse_OneFault_OneProblemOnItsLine(string fault, string replace, string with, string expected)
    {
        var problems = new List<ContentProblem>();
        var text = Valid.Replace(replace, with);
        Assert.True(text != Valid, $"{fault}: the replacement did not apply");

        var parsed = DrillFileParser.Parse(text, new ProblemLog(File, problems));

        Assert.Null(parsed);
        var problem = Assert.Single(problems);
        Assert.Equal(File, problem.File);
        Assert.True(expected == $"{problem.Code}|{problem.Line}", $"{fault}: {problem}");
    }

    [Fact]
    public void Parse_EveryWeightZero_Reported()
    {
        var problems = new List<ContentProblem>();
        var text = Valid.Replace("weight: 2", "weight: 0").Replace("weight: 1", "weight: 0");

        Assert.Null(DrillFileParser.Parse(text, new ProblemLog(File, problems)));
        Assert.Equal(("NoWeight", 10), (Assert.Single(problems).Code, problems[0].Line));
    }

    [Fact]
    public void Parse_NoCriteria_Reported()
    {
        var problems = new List<ContentProblem>();
        var text = Valid[..Valid.IndexOf("criteria:", StringComparison.Ordinal)] + "criteria: []\n---\n";

        Assert.Null(DrillFileParser.Parse(text, new ProblemLog(File, problems)));
        Assert.Equal("NoCriteria", Assert.Single(problems).Code);
    }

    [Fact]
    public void Parse_FaultInTheEnglishBriefing_ReportedInTheEnglishFile()
    {
        var problems = new List<ContentProblem>();

        var parsed = DrillFileParser.Parse(Valid, new ProblemLog(File, problems), "Intro\n\n![x](x.png)\n", new ProblemLog("drills/sample.en.md", problems));

        Assert.Null(parsed);
        Assert.Equal(("drills/sample.en.md", 3, "ImageInDrill"), (Assert.Single(problems).File, problems[0].Line, problems[0].Code));
    }

    public static TheoryData<string> RealRubrics()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(DrillsFolder, "*.md").Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RealRubrics))]
    public void Parse_RealRubric_NoProblems_BothLanguages(string fileName)
    {
        var problems = new List<ContentProblem>();
        var englishPath = Path.Combine(DrillsFolder, Path.GetFileNameWithoutExtension(fileName) + ".en.md");

        var parsed = DrillFileParser.Parse(System.IO.File.ReadAllText(Path.Combine(DrillsFolder, fileName)), new ProblemLog(fileName, problems),
            System.IO.File.ReadAllText(englishPath), new ProblemLog(englishPath, problems));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.NotNull(parsed);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), parsed.Slug);
        Assert.All(parsed.Revision.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Standard.En), c.Key));
        Assert.Contains(parsed.Revision.Criteria, c => c.MustPass);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Revision.Briefing.Zh));
        Assert.False(string.IsNullOrWhiteSpace(parsed.Revision.Briefing.En));
    }

    [Fact]
    public void Parse_MinimumActionOutweighed_PublishedWithAWarningOnItsLine()
    {
        var problems = new List<ContentProblem>();
        var text = Valid.Replace("weight: 2", "weight: 8").Replace("    mustPass: true\n---", "    mustPass: true\n    minimum: true\n---");

        var parsed = DrillFileParser.Parse(text, new ProblemLog(File, problems));

        // With rise at zero the weighted score is still 8 of 9: only its must-pass rule keeps the drill from passing.
        Assert.NotNull(parsed);
        var warning = Assert.Single(problems);
        Assert.Equal(("MinimumOutweighed", 17, true, "rise"), (warning.Code, warning.Line, warning.IsWarning, warning.Arguments[0]));
        Assert.True(parsed.Revision.Criteria.Single(c => c.Key == "rise").Minimum);
    }

    [Fact]
    public void RealRubrics_MinimumActions_AreTheFourActions()
    {
        var prePosting = ParseReal("pre-posting-etiquette.md").Revision.Criteria;
        var preJob = ParseReal("pre-job-meet-smile-greet-rise.md").Revision.Criteria;

        Assert.Equal(["meet", "smile", "greet", "rise"], preJob.Where(c => c.Minimum && c.MustPass).Select(c => c.Key));
        Assert.Equal(["approach-eye-contact", "standard-smile", "greet-first", "rise-to-serve"], prePosting.Where(c => c.Minimum && c.MustPass).Select(c => c.Key));
        Assert.True(prePosting.Single(c => c.Key == "three-sounds").MustPass);
        foreach (var post in new[] { "security-post.md", "cleaning-post.md" })
            Assert.Equal(["meet", "smile", "greet", "rise"], ParseReal(post).Revision.Criteria.Where(c => c.Minimum && c.MustPass).Select(c => c.Key));
    }

    /// <summary>Every rubric in the folder, a new one included: four minimum actions, all must-pass, none of them made up for by the total.</summary>
    [Theory]
    [MemberData(nameof(RealRubrics))]
    public void RealRubric_FourMinimumActions_AnyOneAtZero_FailsWithEverythingElsePerfect(string fileName)
    {
        var revision = ParseReal(fileName).Revision;
        var criteria = revision.Criteria;

        var minimums = criteria.Where(c => c.Minimum).ToList();
        Assert.Equal(4, minimums.Count);
        Assert.All(minimums, c => Assert.True(c.MustPass, c.Key));
        Assert.All(minimums, minimum =>
        {
            var scores = criteria.ToDictionary(c => c.Key, c => (int?)(c == minimum ? 0 : c.Scale.Max));
            var result = DrillScoring.Evaluate(criteria, revision.PassMark, scores);
            Assert.False(result.Passed, $"passed with {minimum.Key} at zero");
            // Not outweighed either: the weights alone keep the total under the pass mark.
            Assert.False(DrillScoring.PassMarkReachableWithout(criteria, revision.PassMark, minimum), $"{minimum.Key} outweighed");
        });
    }

    [Fact]
    public void RealRubrics_PrePostingDrill_CoversTheEightPoints_PreJobDrill_TheFourActions()
    {
        var prePosting = ParseReal("pre-posting-etiquette.md");
        var preJob = ParseReal("pre-job-meet-smile-greet-rise.md");

        Assert.Equal(["approach-eye-contact", "standard-smile", "greet-first", "rise-to-serve", "three-sounds", "no-forbidden-phrases", "appearance", "first-inquiry"],
            prePosting.Revision.Criteria.Select(c => c.Key));
        Assert.Equal(["meet", "smile", "greet", "rise"], preJob.Revision.Criteria.Select(c => c.Key));
    }

    [Fact]
    public void RealRubrics_PostDrills_CoverTheirPosts_WithThePostsOwnMustPassPoints()
    {
        var security = ParseReal("security-post.md").Revision.Criteria;
        var cleaning = ParseReal("cleaning-post.md").Revision.Criteria;

        Assert.Equal(["meet", "smile", "greet", "rise", "post-bearing", "salute-rules", "visitor-registration", "patrol-greeting"], security.Select(c => c.Key));
        Assert.Equal(["visitor-registration"], security.Where(c => c.MustPass && !c.Minimum).Select(c => c.Key));
        Assert.Equal(["meet", "smile", "greet", "rise", "give-way", "wet-floor-sign", "equipment-placement", "workwear"], cleaning.Select(c => c.Key));
        Assert.Equal(["give-way", "wet-floor-sign"], cleaning.Where(c => c.MustPass && !c.Minimum).Select(c => c.Key));
    }

    private static ParsedDrill ParseReal(string fileName) =>
        DrillFileParser.Parse(System.IO.File.ReadAllText(Path.Combine(DrillsFolder, fileName)), new ProblemLog(fileName, []))!;

    private static ParsedDrill Parse(string text, string? english = null)
    {
        var problems = new List<ContentProblem>();
        var parsed = DrillFileParser.Parse(text, new ProblemLog(File, problems), english, english is null ? null : new ProblemLog("drills/sample.en.md", problems));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return parsed!;
    }

    private static string DrillsFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (System.IO.File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return Path.Combine(folder.FullName, "content", "drills");
            throw new InvalidOperationException("No repository root above the test binaries.");
        }
    }
}
