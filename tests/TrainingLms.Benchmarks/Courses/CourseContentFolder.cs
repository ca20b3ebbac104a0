using System.Text;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>Writes a content/ folder of generated courses in the real format, each lesson a realistic page of Markdown.</summary>
public static class CourseContentFolder
{
    public static string CourseSlug(int course) => $"course-{course:000}";

    public static string LessonKey(int lesson) => $"{lesson + 1:00}-lesson";

    public static string Create(int courses, int lessonsPerCourse)
    {
        var root = Path.Combine(Path.GetTempPath(), "traininglms-bench", "content-" + Guid.NewGuid().ToString("N"));
        for (var course = 0; course < courses; course++)
        {
            var folder = Path.Combine(root, "courses", CourseSlug(course));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "course.md"), $"""
                ---
                slug: {CourseSlug(course)}
                version: 1
                title:
                  zh-CN: 服务礼仪课程 {course}
                  en: Service etiquette course {course}
                summary:
                  zh-CN: 第 {course} 门课程的简介。
                  en: What course {course} teaches.
                dueDays: 30
                estimatedMinutes: 60
                ---
                本课程共 {lessonsPerCourse} 课。
                """);
            for (var lesson = 0; lesson < lessonsPerCourse; lesson++)
            {
                var last = lesson == lessonsPerCourse - 1;
                File.WriteAllText(Path.Combine(folder, LessonKey(lesson) + ".md"), LessonText(course, lesson, withQuiz: last));
                File.WriteAllText(Path.Combine(folder, LessonKey(lesson) + ".en.md"), $"## Lesson {lesson + 1}\n\nMeet, smile, greet and rise: the *standard actions* of lesson {lesson + 1}.\n");
            }
        }
        return root;
    }

    private static string LessonText(int course, int lesson, bool withQuiz)
    {
        var text = new StringBuilder($"""
            ---
            title:
              zh-CN: 第 {lesson + 1} 课
              en: Lesson {lesson + 1}
            minutes: 5
            ---
            ## 第 {lesson + 1} 课：标准动作

            """);
        for (var paragraph = 0; paragraph < 6; paragraph++)
            text.AppendLine($"目光相遇时**微笑点头**，对方听得清时主动问好，有人走近时起身服务。这是课程 {course} 第 {paragraph + 1} 段，讲的是*每一次都做到*。\n");
        text.AppendLine("| 动作 | 标准 |\n|---|---|\n| 见面 | 目光相遇就点头 |\n| 微笑 | 不露齿，嘴角上扬 |\n| 问好 | 先开口，用文明用语 |\n| 起身 | 有人走近就站起来 |\n");
        text.AppendLine("- 保持微笑\n- 主动问好\n- 起身服务\n");
        if (withQuiz)
        {
            text.AppendLine("```quiz\npassMark: 80\nquestions:");
            for (var question = 0; question < 5; question++)
            {
                text.AppendLine($"""
                      - type: single
                        prompt: {"{"} zh-CN: 第 {question + 1} 题, en: Question {question + 1} {"}"}
                        options:
                          - text: {"{"} zh-CN: 微笑点头, en: Smile and nod {"}"}
                            correct: true
                            explanation: {"{"} zh-CN: 对, en: Right {"}"}
                          - text: {"{"} zh-CN: 低头走开, en: Look away {"}"}
                            explanation: {"{"} zh-CN: 不对, en: Wrong {"}"}
                    """);
            }
            text.AppendLine("```");
        }
        return text.ToString();
    }
}
