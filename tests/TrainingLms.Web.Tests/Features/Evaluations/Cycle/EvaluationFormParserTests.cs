using System.Runtime.CompilerServices;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Evaluations.Cycle.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Tests.Features.Evaluations.Cycle;

public class EvaluationFormParserTests
{
    [Theory]
    [InlineData("subject-unknown", "EvaluationSubjectInvalid", 4)]
    [InlineData("scale-not-from-zero", "EvaluationScaleInvalid", 19)]
    [InlineData("scale-above-ten", "EvaluationScaleInvalid", 19)]
    [InlineData("source-unknown", "EvaluationSourceInvalid", 21)]
    [InlineData("field-unknown", "UnknownField", 11)]
    [InlineData("criterion-duplicate", "DuplicateCriterion", 22)]
    [InlineData("weights-all-zero", "NoWeight", 12)]
    [InlineData("front-matter-missing", "FrontMatterMissing", 1)]
    public void Parse_MalformedForm_ReportsOneProblemWithFileAndLine(string name, string code, int line)
    {
        var problems = new List<ContentProblem>();
        var file = $"evaluations/{name}.md";

        var parsed = EvaluationFormParser.Parse(File.ReadAllText(Path.Combine(Folder(), name + ".md")), new ProblemLog(file, problems));

        Assert.Null(parsed);
        var problem = Assert.Single(problems);
        Assert.Equal((file, code, line), (problem.File, problem.Code, problem.Line));
    }

    [Fact]
    public void Parse_RepositoryForm_ReadsSubjectScalesAndSources()
    {
        var problems = new List<ContentProblem>();
        var text = File.ReadAllText(Path.Combine(Folder(), "..", "..", "..", "..", "..", "..", "content", "evaluations", "team-post-training-effectiveness.md"));

        var parsed = EvaluationFormParser.Parse(text, new ProblemLog("evaluations/team-post-training-effectiveness.md", problems));

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        Assert.Equal(Domain.Evaluations.EvaluationSubject.Team, parsed.Revision.Subject);
        Assert.Equal([10, 5, 5, 5, 5], parsed.Revision.Criteria.Select(c => c.Max));
        Assert.Single(parsed.Revision.Criteria, c => !c.IsComputed);
    }

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "MalformedForms");
}
