using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Printables.Content;

namespace TrainingLms.Web.Tests.Features.Printables;

public class PrintableParserTests
{
    private const string File = "printables/chart.md";

    /// <summary>A small valid chart; each malformed case changes one line of it.</summary>
    private const string Chart = """
        ---
        kind: chart
        lineOfWork: Security
        version: 1
        title: { zh-CN: 安防岗位服务标准, en: Security standards }
        courses: [appearance-and-bearing]
        sections:
          - key: four-actions
            heading: { zh-CN: 见面、微笑、问好、起身, en: "Meet, smile, greet, rise" }
            items:
              - { zh-CN: 见面：微笑点头。, en: "Meet: smile and nod." }
        ---
        A note for authors.
        """;

    private static (PrintableDefinition? Parsed, List<ContentProblem> Problems) Parse(string text)
    {
        var problems = new List<ContentProblem>();
        return (PrintableParser.Parse(File, text, new ProblemLog(File, problems)), problems);
    }

    [Fact]
    public void Parse_ValidChart_ReadsLineSectionsAndCourses()
    {
        var (parsed, problems) = Parse(Chart);

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        Assert.Equal((PrintableKind.Chart, LineOfWork.Security, "chart-security"), (parsed.Kind, parsed.LineOfWork, parsed.Slug));
        Assert.Equal(["appearance-and-bearing"], parsed.Courses);
        Assert.Equal("Meet: smile and nod.", Assert.Single(Assert.Single(parsed.Sections).Items).En);
    }

    [Theory]
    [InlineData("kind: chart", "kind: poster", "PrintableKindInvalid", 2)]
    [InlineData("lineOfWork: Security", "lineOfWork: Gardening", "UnknownLineOfWork", 3)]
    [InlineData("version: 1", "version: one", "NotANumber", 4)]
    [InlineData("title: { zh-CN: 安防岗位服务标准, en: Security standards }", "title: { zh-CN: 安防岗位服务标准 }", "Required", 5)]
    [InlineData("courses: [appearance-and-bearing]", "courses: [Appearance And Bearing]", "SlugInvalid", 6)]
    [InlineData("  - key: four-actions", "  - key: four-actions\n    colour: green", "UnknownField", 9)]
    [InlineData("    items:", "    style: columns\n    items:", "PrintableStyleInvalid", 10)]
    [InlineData("      - { zh-CN: 见面：微笑点头。, en: \"Meet: smile and nod.\" }", "      - { zh-CN: 见面：微笑点头。 }", "Required", 11)]
    [InlineData("---\nA note", "  - key: four-actions\n    heading: { zh-CN: 再来, en: Again }\n    items: [{ zh-CN: 一, en: One }]\n---\nA note", "PrintableSectionDuplicate", 12)]
    [InlineData("kind: chart", "kind: chart\n\tversion: 2", "YamlTab", 3)]
    public void Parse_MalformedChart_ReportsOneProblemWithItsLine(string find, string replace, string code, int line)
    {
        var (parsed, problems) = Parse(Chart.Replace(find, replace));

        Assert.Null(parsed);
        var problem = Assert.Single(problems);
        Assert.Equal((File, code, line), (problem.File, problem.Code, problem.Line));
    }

    [Fact]
    public void Parse_TextTooLongToPrint_IsRefusedAtItsLine()
    {
        var (parsed, problems) = Parse(Chart.Replace("en: \"Meet: smile and nod.\"", "en: \"" + new string('x', PrintableParser.MaxItemLength + 1) + "\""));

        Assert.Null(parsed);
        Assert.Equal(("PrintableTextTooLong", 11), (Assert.Single(problems).Code, problems[0].Line));
    }

    [Fact]
    public void Parse_CardWithoutTheMinimumSections_NamesEachMissingOne()
    {
        var card = Chart.Replace("kind: chart\nlineOfWork: Security\n", "kind: card\n");

        var (parsed, problems) = Parse(card);

        Assert.Null(parsed);
        Assert.Equal(["three-sounds", "ten-words", "forbidden-phrases", "first-inquiry"], problems.Select(p => p.Arguments[0]));
        Assert.All(problems, p => Assert.Equal(("PrintableCardSectionMissing", 6), (p.Code, p.Line)));
    }

    [Fact]
    public void RepositoryFolder_HoldsACardWithEveryMinimumSection_AndOneChartPerLineOfWork()
    {
        var folder = Path.Combine(RepositoryRoot(), "content", "printables");
        var problems = new List<ContentProblem>();

        var parsed = Directory.EnumerateFiles(folder, "*.md").Order()
            .Select(path => PrintableParser.Parse(Path.GetFileName(path), System.IO.File.ReadAllText(path), new ProblemLog(Path.GetFileName(path), problems)))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var card = Assert.Single(parsed, p => p!.Kind == PrintableKind.Card)!;
        Assert.Equal(PrintableParser.CardSections, card.Sections.Select(s => s.Key));
        Assert.Equal(Enum.GetValues<LineOfWork>(), parsed.Where(p => p!.Kind == PrintableKind.Chart).Select(p => p!.LineOfWork!.Value).Order());
        // Every chart starts with the minimum of every post, in the line's own words.
        Assert.All(parsed.Where(p => p!.Kind == PrintableKind.Chart), chart => Assert.Equal("four-actions", chart!.Sections[0].Key));
    }

    [Theory]
    [InlineData(LineOfWork.CustomerService, "customer-service")]
    [InlineData(LineOfWork.Greening, "greening")]
    public void RouteName_IsTheLineInLowercaseWords_AndReadsBack(LineOfWork line, string route)
    {
        Assert.Equal(route, PrintableDefinition.RouteName(line));
        Assert.Equal(line, PrintableDefinition.FromRouteName(route));
        Assert.Null(PrintableDefinition.FromRouteName("CustomerService"));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TrainingLms.sln");
    }
}
