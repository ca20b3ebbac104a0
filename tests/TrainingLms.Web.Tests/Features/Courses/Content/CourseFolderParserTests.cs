using System.Xml.Linq;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

/// <summary>
/// A corpus of broken course folders, each one fault away from a valid course: the parser must name exactly one
/// problem, in the right file, on the line where the fault is (counted from 1 in the whole file, front matter included).
/// </summary>
public sealed class CourseFolderParserTests : IDisposable
{
    private const string Slug = "greeting-basics";
    private const string CourseFile = "course.md";
    private const string LessonFile = "01-meet.md";
    private const string QuizFile = "02-check.md";

    private const string ValidCourse = """
        ---
        slug: greeting-basics
        version: 1
        title: { zh-CN: 问候基础, en: Greeting basics }
        summary: { zh-CN: 见面与微笑, en: Meeting and smiling }
        audience:
          - customerFacing: true
            roles: [Manager]
        clearance: true
        dueDays: 7
        estimatedMinutes: 15
        ---
        本课程介绍问候。
        """;

    private const string ValidLesson = """
        ---
        title: { zh-CN: 见面, en: Meet }
        minutes: 8
        ---
        ## 见面

        见面时微笑点头，
        ![微笑](images/smile.png)

        ```clip
        slug: smile-standard-demo
        required: true
        ```
        """;

    private const string ValidQuizLesson = """
        ---
        title: { zh-CN: 测验, en: Check }
        ---
        复习。

        ```quiz
        passMark: 80
        questions:
          - type: single
            prompt: { zh-CN: 目光相遇时？, en: When eyes meet? }
            options:
              - text: { zh-CN: 微笑点头, en: Smile and nod }
                correct: true
                explanation: { zh-CN: 对, en: Right }
              - text: { zh-CN: 转身离开, en: Walk away }
                explanation: { zh-CN: 不对, en: Wrong }
          - type: multiple
            prompt: { zh-CN: 文明用语有哪些？, en: Which are civil words? }
            options:
              - text: { zh-CN: 你好, en: Hello }
                correct: true
                explanation: { zh-CN: 是, en: Yes }
              - text: { zh-CN: 不知道, en: I don't know }
                explanation: { zh-CN: 禁用语, en: Forbidden }
          - type: truefalse
            prompt: { zh-CN: 微笑时应露出牙齿。, en: A service smile shows the teeth. }
            answer: false
            explanation: { zh-CN: 标准的微笑不露齿。, en: The standard smile does not show the teeth. }
        ```
        """;

    private const string QuizBlock = """
        ```quiz
        questions:
          - type: truefalse
            prompt: { zh-CN: 对吗？, en: True? }
            answer: true
            explanation: { zh-CN: 对, en: Right }
        ```
        """;

    /// <summary>One fault: the files that differ from the valid course (null removes a file) and the one problem expected.</summary>
    public sealed record MalformedCase(IReadOnlyDictionary<string, string?> Files, string File, int Line, string Code);

    private static MalformedCase Case(string file, int line, string code, params (string Name, string? Text)[] files) =>
        new(files.ToDictionary(f => f.Name, f => f.Text), file, line, code);

    /// <summary>The text with one exact passage replaced; fails loudly if the passage is not there, so a case cannot silently stop being broken.</summary>
    private static string Edit(string text, string find, string replacement) =>
        text.Contains(find, StringComparison.Ordinal) ? text.Replace(find, replacement, StringComparison.Ordinal) : throw new ArgumentException($"'{find}' is not in the text.");

    /// <summary>Every line of the text with a prefix: inside a list item ("  ") or a quote ("> ").</summary>
    private static string Indented(string text, string prefix) => string.Join("\n", text.Split('\n').Select(line => prefix + line));

    public static readonly IReadOnlyDictionary<string, MalformedCase> Cases = new Dictionary<string, MalformedCase>
    {
        ["course.md missing"] = Case(CourseFile, 0, "CourseFileMissing", (CourseFile, null)),
        ["front matter missing"] = Case(LessonFile, 1, "FrontMatterMissing", (LessonFile, "## 见面\n\n见面时微笑点头。\n")),
        ["front matter not closed"] = Case(LessonFile, 1, "FrontMatterUnclosed", (LessonFile, Edit(ValidLesson, "minutes: 8\n---\n", "minutes: 8\n"))),
        ["front matter YAML syntax error"] = Case(CourseFile, 4, "YamlSyntax", (CourseFile, Edit(ValidCourse, "title: { zh-CN: 问候基础, en: Greeting basics }", "title: 问候基础: Greeting basics"))),
        ["front matter brace not closed"] = Case(LessonFile, 2, "YamlUnclosed", (LessonFile, Edit(ValidLesson, "title: { zh-CN: 见面, en: Meet }", "title: { zh-CN: 见面, en: Meet"))),
        ["front matter key written twice"] = Case(CourseFile, 4, "YamlSyntax", (CourseFile, Edit(ValidCourse, "version: 1\n", "version: 1\nversion: 2\n"))),
        ["front matter a list, not fields"] = Case(LessonFile, 2, "NotAMapping", (LessonFile, Edit(ValidLesson, "title: { zh-CN: 见面, en: Meet }\nminutes: 8", "- 见面\n- Meet"))),
        ["front matter indented with a tab"] = Case(CourseFile, 7, "YamlTab", (CourseFile, Edit(ValidCourse, "  - customerFacing: true", "\t- customerFacing: true"))),
        ["Windows line endings and a byte order mark"] = Case(LessonFile, 3, "NotANumber", (LessonFile, "\uFEFF" + Edit(ValidLesson, "minutes: 8", "minutes: 0").Replace("\n", "\r\n"))),
        ["slug missing"] = Case(CourseFile, 2, "Required", (CourseFile, Edit(ValidCourse, "slug: greeting-basics\n", ""))),
        ["slug with invalid characters"] = Case(CourseFile, 3, "SlugInvalid", (CourseFile, Edit(ValidCourse, "slug: greeting-basics\nversion: 1", "version: 1\nslug: Greeting_Basics"))),
        ["zh-CN title missing"] = Case(CourseFile, 4, "Required", (CourseFile, Edit(ValidCourse, "title: { zh-CN: 问候基础, en: Greeting basics }", "title: { en: Greeting basics }"))),
        ["summary empty"] = Case(CourseFile, 5, "Required", (CourseFile, Edit(ValidCourse, "summary: { zh-CN: 见面与微笑, en: Meeting and smiling }", "summary:"))),
        ["version zero"] = Case(CourseFile, 3, "NotANumber", (CourseFile, Edit(ValidCourse, "version: 1", "version: 0"))),
        ["version a fraction"] = Case(CourseFile, 3, "NotANumber", (CourseFile, Edit(ValidCourse, "version: 1", "version: 1.5"))),
        ["version a word"] = Case(CourseFile, 3, "NotANumber", (CourseFile, Edit(ValidCourse, "version: 1", "version: two"))),
        ["clearance not a boolean"] = Case(CourseFile, 9, "NotABoolean", (CourseFile, Edit(ValidCourse, "clearance: true", "clearance: sometimes"))),
        ["audience not a list"] = Case(CourseFile, 6, "NotAList", (CourseFile, Edit(ValidCourse, "audience:\n  - customerFacing: true\n    roles: [Manager]", "audience: everyone"))),
        ["audience role unknown"] = Case(CourseFile, 8, "UnknownRole", (CourseFile, Edit(ValidCourse, "roles: [Manager]", "roles: [Manager, Chef]"))),
        ["audience line of work unknown"] = Case(CourseFile, 10, "UnknownLineOfWork",
            (CourseFile, Edit(ValidCourse, "roles: [Manager]", "linesOfWork:\n      - Security\n      - Gardening"))),
        ["audience everyone not a boolean"] = Case(CourseFile, 7, "NotABoolean", (CourseFile, Edit(ValidCourse, "  - customerFacing: true\n    roles: [Manager]", "  - everyone: always"))),
        ["audience everyone narrowed by a condition"] = Case(CourseFile, 7, "AudienceEveryoneNarrowed",
            (CourseFile, Edit(ValidCourse, "  - customerFacing: true", "  - everyone: true\n    customerFacing: true"))),
        ["audience entry naming nothing"] = Case(CourseFile, 7, "AudienceRuleEmpty", (CourseFile, Edit(ValidCourse, "  - customerFacing: true\n    roles: [Manager]", "  - customerFacing: false"))),
        ["audience everyone false and nothing else"] = Case(CourseFile, 9, "AudienceRuleEmpty",
            (CourseFile, Edit(ValidCourse, "    roles: [Manager]", "    roles: [Manager]\n  - everyone: false"))),
        ["course field misspelt"] = Case(CourseFile, 11, "UnknownField", (CourseFile, Edit(ValidCourse, "dueDays: 7", "dueDays: 7\ndueDay: 7"))),
        ["lesson title missing"] = Case(LessonFile, 2, "Required", (LessonFile, Edit(ValidLesson, "title: { zh-CN: 见面, en: Meet }\n", ""))),
        ["lesson title empty"] = Case(LessonFile, 3, "Required", (LessonFile, Edit(ValidLesson, "title: { zh-CN: 见面, en: Meet }\nminutes: 8", "minutes: 8\ntitle:"))),
        ["lesson minutes out of range"] = Case(LessonFile, 3, "NotANumber", (LessonFile, Edit(ValidLesson, "minutes: 8", "minutes: 9000"))),
        ["lesson file misnamed"] = Case("1_meet.md", 0, "LessonFileName", ("1_meet.md", ValidLesson)),
        ["two lessons numbered 01"] = Case("01-other.md", 0, "DuplicateLessonNumber", ("01-other.md", ValidLesson)),
        ["course folder without lessons"] = Case(CourseFile, 0, "NoLessons", (LessonFile, null)),
        ["English file without Chinese lesson"] = Case("03-extra.en.md", 0, "EnglishWithoutLesson", ("03-extra.en.md", "Extra.\n")),
        ["quiz YAML syntax error"] = Case(QuizFile, 7, "YamlSyntax", (QuizFile, Edit(ValidQuizLesson, "passMark: 80", "passMark: 80: 90"))),
        ["quiz passMark above 100"] = Case(QuizFile, 7, "NotANumber", (QuizFile, Edit(ValidQuizLesson, "passMark: 80", "passMark: 150"))),
        ["quiz without questions"] = Case(QuizFile, 8, "QuizNoQuestions", (QuizFile, Edit(ValidQuizLesson, ValidQuizLesson[ValidQuizLesson.IndexOf("questions:", StringComparison.Ordinal)..ValidQuizLesson.LastIndexOf("```", StringComparison.Ordinal)], "questions: []\n"))),
        ["quiz questions field missing"] = Case(QuizFile, 7, "Required", (QuizFile, Edit(ValidQuizLesson, ValidQuizLesson[ValidQuizLesson.IndexOf("questions:", StringComparison.Ordinal)..ValidQuizLesson.LastIndexOf("```", StringComparison.Ordinal)], ""))),
        ["question type missing"] = Case(QuizFile, 9, "Required", (QuizFile, Edit(ValidQuizLesson, "  - type: single\n    prompt", "  - prompt"))),
        ["first option without explanation"] = Case(QuizFile, 12, "Required", (QuizFile, Edit(ValidQuizLesson, "\n        explanation: { zh-CN: 对, en: Right }", ""))),
        ["question type unknown"] = Case(QuizFile, 9, "QuestionType", (QuizFile, Edit(ValidQuizLesson, "type: single", "type: essay"))),
        ["single choice with no right option"] = Case(QuizFile, 9, "SingleNeedsOneRight", (QuizFile, Edit(ValidQuizLesson, "    correct: true\n        explanation: { zh-CN: 对", "    explanation: { zh-CN: 对"))),
        ["single choice with two right options"] = Case(QuizFile, 9, "SingleNeedsOneRight",
            (QuizFile, Edit(ValidQuizLesson, "explanation: { zh-CN: 不对, en: Wrong }", "correct: true\n        explanation: { zh-CN: 不对, en: Wrong }"))),
        ["multiple choice with no right option"] = Case(QuizFile, 17, "MultipleNeedsRight", (QuizFile, Edit(ValidQuizLesson, "    correct: true\n        explanation: { zh-CN: 是", "    explanation: { zh-CN: 是"))),
        ["question with one option"] = Case(QuizFile, 17, "QuestionNeedsOptions",
            (QuizFile, Edit(ValidQuizLesson, "      - text: { zh-CN: 不知道, en: I don't know }\n        explanation: { zh-CN: 禁用语, en: Forbidden }\n", ""))),
        ["option without explanation"] = Case(QuizFile, 15, "Required", (QuizFile, Edit(ValidQuizLesson, "\n        explanation: { zh-CN: 不对, en: Wrong }", ""))),
        ["option correct not a boolean"] = Case(QuizFile, 13, "NotABoolean", (QuizFile, Edit(ValidQuizLesson, "correct: true\n        explanation: { zh-CN: 对", "correct: yes please\n        explanation: { zh-CN: 对"))),
        ["true/false without answer"] = Case(QuizFile, 25, "Required", (QuizFile, Edit(ValidQuizLesson, "    answer: false\n", ""))),
        ["quiz draw above the pool"] = Case(QuizFile, 8, "DrawAbovePool", (QuizFile, Edit(ValidQuizLesson, "passMark: 80\n", "passMark: 80\ndraw: 4\n"))),
        ["quiz review unknown"] = Case(QuizFile, 8, "QuizReviewUnknown", (QuizFile, Edit(ValidQuizLesson, "passMark: 80\n", "passMark: 80\nreview: never\n"))),
        ["quiz attempts zero"] = Case(QuizFile, 8, "NotANumber", (QuizFile, Edit(ValidQuizLesson, "passMark: 80\n", "passMark: 80\nmaxAttempts: 0\n"))),
        ["question id not a slug"] = Case(QuizFile, 9, "QuestionIdInvalid", (QuizFile, Edit(ValidQuizLesson, "  - type: single\n", "  - id: Eyes Meet\n    type: single\n"))),
        ["question id used twice"] = Case(QuizFile, 18, "QuestionIdDuplicate",
            (QuizFile, Edit(Edit(ValidQuizLesson, "  - type: single\n", "  - id: same\n    type: single\n"), "  - type: multiple\n", "  - id: same\n    type: multiple\n"))),
        ["question shuffle not a boolean"] = Case(QuizFile, 10, "NotABoolean", (QuizFile, Edit(ValidQuizLesson, "  - type: single\n", "  - type: single\n    shuffle: sometimes\n"))),
        ["two quiz blocks"] = Case(QuizFile, 31, "MoreThanOneQuiz", (QuizFile, ValidQuizLesson + "\n\n" + QuizBlock + "\n")),
        ["quiz in the English file"] = Case("02-check.en.md", 3, "QuizInEnglish", (QuizFile, ValidQuizLesson), ("02-check.en.md", "Review.\n\n" + QuizBlock + "\n")),
        ["quiz nested in a list item"] = Case(LessonFile, 17, "SpecialBlockNested", (LessonFile, ValidLesson + "\n\n- 复习一下：\n\n" + Indented(QuizBlock, "  "))),
        ["quiz nested in a quote, beside the real quiz"] = Case(QuizFile, 31, "SpecialBlockNested", (QuizFile, ValidQuizLesson + "\n\n" + Indented(QuizBlock, "> "))),
        ["clip nested in a list item"] = Case(LessonFile, 12, "SpecialBlockNested",
            (LessonFile, Edit(ValidLesson, "```clip\nslug: smile-standard-demo\nrequired: true\n```", "- 示范：\n\n  ```clip\n  slug: smile-standard-demo\n  required: true\n  ```"))),
        ["quiz fence spelt Quiz"] = Case(QuizFile, 6, "SpecialBlockCase", (QuizFile, Edit(ValidQuizLesson, "```quiz", "```Quiz"))),
        ["clip fence spelt CLIP"] = Case(LessonFile, 10, "SpecialBlockCase", (LessonFile, Edit(ValidLesson, "```clip", "```CLIP"))),
        ["clip without slug"] = Case(LessonFile, 11, "Required", (LessonFile, Edit(ValidLesson, "slug: smile-standard-demo\n", ""))),
        ["clip with invalid slug"] = Case(LessonFile, 12, "SlugInvalid", (LessonFile, Edit(ValidLesson, "slug: smile-standard-demo\nrequired: true", "required: true\nslug: Smile Demo!"))),
        ["clip list not closed"] = Case(LessonFile, 12, "YamlUnclosed", (LessonFile, Edit(ValidLesson, "required: true", "required: [true"))),
        ["clip required not a boolean"] = Case(LessonFile, 12, "NotABoolean", (LessonFile, Edit(ValidLesson, "required: true", "required: often"))),
        ["clips differ between languages"] = Case("01-meet.en.md", 0, "ClipsDiffer", ("01-meet.en.md", "## Meet\n\nSmile and nod.\n")),
        ["English names another clip"] = Case("01-meet.en.md", 10, "ClipsDiffer",
            ("01-meet.en.md", "## Meet\n\n```clip\nslug: smile-standard-demo\nrequired: true\n```\n\nAnd then:\n\n```clip\nslug: another-demo\n```\n")),
        ["English lacks one of two clips"] = Case("01-meet.en.md", 3, "ClipsDiffer",
            ("01-meet.en.md", "## Meet\n\n```clip\nslug: smile-standard-demo\nrequired: true\n```\n"),
            (LessonFile, ValidLesson + "\n\n```clip\nslug: second-demo\n```")),
        ["image from a parent folder"] = Case(LessonFile, 8, "ImageNotInCourse", (LessonFile, Edit(ValidLesson, "images/smile.png", "../other-course/images/smile.png"))),
        ["image from another host"] = Case(LessonFile, 8, "ImageNotInCourse", (LessonFile, Edit(ValidLesson, "images/smile.png", "https://evil.example/x.png"))),
        ["introduction with a picture from another host"] = Case(CourseFile, 15, "ImageNotInCourse", (CourseFile, ValidCourse + "\n\n![x](https://evil.example/x.png)")),
        ["quiz in the course introduction"] = Case(CourseFile, 15, "QuizInIntroduction", (CourseFile, ValidCourse + "\n\n" + QuizBlock)),
        ["image with a disallowed extension"] = Case(LessonFile, 8, "ImageNotInCourse", (LessonFile, Edit(ValidLesson, "images/smile.png", "images/smile.svg"))),
        ["image not in the folder"] = Case(LessonFile, 8, "ImageMissing", (LessonFile, Edit(ValidLesson, "images/smile.png", "images/frown.png"))),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), "traininglms-tests", "malformed-" + Guid.NewGuid().ToString("N"));

    private string Folder => Path.Combine(contentRoot, "courses", Slug);

    [Fact]
    public void Parse_ValidCourse_NoProblemsAndEveryLessonRead()
    {
        WriteCourse(new Dictionary<string, string?> { [QuizFile] = ValidQuizLesson, ["02-check.en.md"] = "Review.\n" });
        var problems = new List<ContentProblem>();

        var parsed = CourseFolderParser.Parse(Folder, contentRoot, problems);

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        Assert.Equal(Slug, parsed.Slug);
        Assert.Equal(["01-meet", "02-check"], parsed.Revision.Lessons.Select(l => l.Key));
        Assert.Equal(["smile-standard-demo"], parsed.Revision.Lessons[0].RequiredClips);
        Assert.Equal(3, parsed.Revision.Lessons[1].Quiz!.Questions.Count);
    }

    [Fact]
    public void Parse_EveryoneEntry_IsTheCompanyWideRule_BesideTheOtherEntries()
    {
        WriteCourse(new Dictionary<string, string?>
        {
            [CourseFile] = Edit(ValidCourse, "  - customerFacing: true\n    roles: [Manager]", "  - everyone: true\n  - customerFacing: true"),
        });
        var problems = new List<ContentProblem>();

        var parsed = CourseFolderParser.Parse(Folder, contentRoot, problems);

        Assert.Empty(problems);
        Assert.NotNull(parsed);
        Assert.Equal([(true, false), (false, true)], parsed.Revision.Audience.Select(rule => (rule.Everyone, rule.CustomerFacingOnly)));
        Assert.All(parsed.Revision.Audience, rule => Assert.Equal((0, 0), (rule.Roles.Count, rule.LinesOfWork.Count)));
    }

    [Fact]
    public void RevisionHash_OfARuleWithoutEveryone_IsWhatItWasBeforeTheRuleExisted()
    {
        WriteCourse(new Dictionary<string, string?>());
        var parsed = CourseFolderParser.Parse(Folder, contentRoot, []);

        // The stored form of an audience rule leaves "everyone" out unless it is set, so revisions published before it
        // existed keep their hash and a re-sync of an untouched folder is not a patch.
        Assert.DoesNotContain("Everyone", System.Text.Json.JsonSerializer.Serialize(parsed!.Revision.Audience), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_MalformedContent_OneProblemAtTheFaultyLine(string name)
    {
        var fault = Cases[name];
        WriteCourse(fault.Files);
        var problems = new List<ContentProblem>();

        var parsed = CourseFolderParser.Parse(Folder, contentRoot, problems);

        Assert.Null(parsed);
        var problem = Assert.Single(problems);
        Assert.Equal(($"courses/{Slug}/{fault.File}", fault.Line, fault.Code), (problem.File, problem.Line, problem.Code));
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void ProblemCodes_OfTheCorpus_HaveAMessage(string resourceFile)
    {
        var keys = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", resourceFile)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var missing = Cases.Values.Select(c => $"Content.Problem.{c.Code}").Distinct().Where(key => !keys.Contains(key));

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void ProblemMessages_FormattedWithArguments_DoNotThrow(string resourceFile)
    {
        // The content page formats every message with the problem's arguments, so a stray brace would throw.
        var messages = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", resourceFile)).Root!
            .Elements("data").Where(d => ((string)d.Attribute("name")!).StartsWith("Content.Problem.", StringComparison.Ordinal))
            .Select(d => (string)d.Element("value")!);

        Assert.All(messages, message => string.Format(message, "a", "b", "c"));
    }

    /// <summary>Writes the valid two-lesson course with a picture, then applies the case's changes.</summary>
    private void WriteCourse(IReadOnlyDictionary<string, string?> changes)
    {
        var files = new Dictionary<string, string?> { [CourseFile] = ValidCourse, [LessonFile] = ValidLesson };
        foreach (var (name, text) in changes) files[name] = text;
        Directory.CreateDirectory(Path.Combine(Folder, "images"));
        File.WriteAllBytes(Path.Combine(Folder, "images", "smile.png"), [0x89, 0x50, 0x4E, 0x47]);
        foreach (var (name, text) in files.Where(f => f.Value is not null))
            File.WriteAllText(Path.Combine(Folder, name), text + "\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(contentRoot)) Directory.Delete(contentRoot, recursive: true);
    }
}
