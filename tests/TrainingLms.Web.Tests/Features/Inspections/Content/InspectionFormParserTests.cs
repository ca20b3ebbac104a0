using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Inspections.Content;

namespace TrainingLms.Web.Tests.Features.Inspections.Content;

/// <summary>
/// The real forms in content/inspections parse completely; forms one fault away from valid yield exactly one problem,
/// on the line where the fault is; files that are not forms at all are reported, never thrown.
/// </summary>
public class InspectionFormParserTests
{
    private const string File = "inspections/sample.md";

    private const string Valid = """
        ---
        slug: sample-form
        version: 3
        title: { zh-CN: 样例检查表, en: Sample form }
        summary: { zh-CN: 测试用, en: For tests }
        lineOfWork: security
        items:
          - key: greet
            title: { zh-CN: 问好, en: Greet }
            standard: { zh-CN: 主动问好, en: Says hello first }
          - key: salute
            title: { zh-CN: 敬礼, en: Salute }
            standard: { zh-CN: 只在正式场合敬礼, en: Only on formal occasions }
        ---
        给作者的说明。
        """;

    [Fact]
    public void Parse_Valid_ReadsEveryField()
    {
        var problems = new List<ContentProblem>();

        var parsed = InspectionFormParser.Parse(Valid, new ProblemLog(File, problems));

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        Assert.Equal("sample-form", parsed.Slug);
        Assert.Equal(3, parsed.Revision.Version);
        Assert.Equal(LineOfWork.Security, parsed.Revision.LineOfWork);
        Assert.Equal(["greet", "salute"], parsed.Revision.Items.Select(i => i.Key));
        Assert.Equal("Only on formal occasions", parsed.Revision.Items[1].Standard.En);
        Assert.Matches("^[0-9a-f]{64}$", parsed.RevisionHash);
    }

    [Theory]
    [InlineData("any", null)]
    [InlineData("customer-service", LineOfWork.CustomerService)]
    [InlineData("保洁", LineOfWork.Cleaning)]
    public void Parse_LineOfWork_AnyOrANamedLine(string written, LineOfWork? expected)
    {
        var parsed = InspectionFormParser.Parse(Valid.Replace("lineOfWork: security", $"lineOfWork: {written}"), new ProblemLog(File, []));

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Revision.LineOfWork);
    }

    public static TheoryData<string, string, string, string> Faults => new()
    {
        // what is wrong, text replaced, by what, → code on line
        { "slug missing", "slug: sample-form\n", "", "Required|2" },
        { "bad slug", "slug: sample-form", "slug: Sample Form", "SlugInvalid|2" },
        { "version not a number", "version: 3", "version: three", "NotANumber|3" },
        { "English title missing", "title: { zh-CN: 样例检查表, en: Sample form }", "title: { zh-CN: 样例检查表 }", "Required|4" },
        { "unknown line of work", "lineOfWork: security", "lineOfWork: catering", "UnknownLineOfWork|6" },
        { "line of work missing", "lineOfWork: security\n", "", "Required|2" },
        { "unknown field", "lineOfWork: security", "lineOfWork: security\nweight: 3", "UnknownField|7" },
        { "no items", "items:\n  - key: greet\n    title: { zh-CN: 问好, en: Greet }\n    standard: { zh-CN: 主动问好, en: Says hello first }\n  - key: salute\n    title: { zh-CN: 敬礼, en: Salute }\n    standard: { zh-CN: 只在正式场合敬礼, en: Only on formal occasions }\n", "items: []\n", "NoInspectionItems|7" },
        { "duplicate key", "key: salute", "key: greet", "DuplicateInspectionItem|11" },
        { "bad key", "key: salute", "key: Salute!", "InspectionItemKeyInvalid|11" },
        { "standard missing", "    standard: { zh-CN: 只在正式场合敬礼, en: Only on formal occasions }\n", "", "Required|11" },
        { "front matter unclosed", "---\n给作者", "给作者", "FrontMatterUnclosed|1" },
        { "tab in YAML", "    title: { zh-CN: 敬礼, en: Salute }\n", "\ttitle: { zh-CN: 敬礼, en: Salute }\n", "YamlTab|12" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Parse_OneFault_OneProblemOnItsLine(string fault, string replace, string with, string expected)
    {
        var problems = new List<ContentProblem>();
        var text = Valid.Replace(replace, with);
        Assert.True(text != Valid, $"{fault}: the replacement did not apply");

        var parsed = InspectionFormParser.Parse(text, new ProblemLog(File, problems));

        Assert.Null(parsed);
        var problem = Assert.Single(problems);
        Assert.Equal(File, problem.File);
        Assert.True(expected == $"{problem.Code}|{problem.Line}", $"{fault}: {problem}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some words, no front matter")]
    [InlineData("---\n: : :\n---\n")]
    [InlineData("---\nitems: {a: [1, 2}\n---\n")]
    [InlineData("---\n- a list\n- not a map\n---\n")]
    [InlineData("---\nslug: x\nitems:\n  - just text\n---\n")]
    public void Parse_NotAForm_ReportedNotThrown(string text)
    {
        var problems = new List<ContentProblem>();

        Assert.Null(InspectionFormParser.Parse(text, new ProblemLog(File, problems)));
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Parse_SameWords_SameHash_OtherStandard_OtherHash()
    {
        var first = InspectionFormParser.Parse(Valid, new ProblemLog(File, []))!;
        var again = InspectionFormParser.Parse(Valid.Replace("给作者的说明。", "别的说明。"), new ProblemLog(File, []))!;
        var changed = InspectionFormParser.Parse(Valid.Replace("主动问好", "先问好"), new ProblemLog(File, []))!;

        Assert.Equal(first.RevisionHash, again.RevisionHash);
        Assert.NotEqual(first.RevisionHash, changed.RevisionHash);
    }

    public static TheoryData<string> RealForms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FormsFolder, "*.md").Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>Every real form parses, and checks the minimum actions, appearance, language and first-inquiry responsibility.</summary>
    [Theory]
    [MemberData(nameof(RealForms))]
    public void Parse_RealForm_NoProblems_CoversTheBasics(string fileName)
    {
        var problems = new List<ContentProblem>();

        var parsed = InspectionFormParser.Parse(System.IO.File.ReadAllText(Path.Combine(FormsFolder, fileName)), new ProblemLog(fileName, problems));

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        var keys = parsed.Revision.Items.Select(i => i.Key).ToList();
        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "meet", "smile", "greet", "rise", "appearance", "language", "first-inquiry" });
        Assert.All(parsed.Revision.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Standard.En), i.Key));
    }

    [Fact]
    public void RealForms_PostSpecificItems()
    {
        Assert.Contains("three-sounds", Keys("customer-service-post.md"));
        Assert.Contains("salute", Keys("security-post.md"));
        Assert.Contains("visitor-registration", Keys("security-post.md"));
        Assert.Contains("give-way", Keys("cleaning-post.md"));
        Assert.Contains("equipment", Keys("cleaning-post.md"));

        static IEnumerable<string> Keys(string fileName) =>
            InspectionFormParser.Parse(System.IO.File.ReadAllText(Path.Combine(FormsFolder, fileName)), new ProblemLog(fileName, []))!.Revision.Items.Select(i => i.Key);
    }

    private static string FormsFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (System.IO.File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return Path.Combine(folder.FullName, "content", "inspections");
            throw new InvalidOperationException("No repository root above the test binaries.");
        }
    }
}
