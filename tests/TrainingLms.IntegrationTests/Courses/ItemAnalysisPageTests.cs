using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Courses;

public sealed class ItemAnalysisPageTests(KnowledgeCheckFactory factory) : IClassFixture<KnowledgeCheckFactory>
{
    private const string Course = "meet-smile-greet-rise";

    /// <summary>Four learners at site A pass the final check, two at site B fail it, all through the lesson page.</summary>
    private async Task<(Quiz Quiz, int SiteA)> AnswerAsync()
    {
        var (_, lesson, quiz) = (await factory.ChecksAsync()).Last(c => c.Course == Course);
        var siteA = await factory.CreateSiteAsync("IA");
        var siteB = await factory.CreateSiteAsync("IB");
        for (var i = 0; i < 6; i++)
        {
            var number = $"IA{i}";
            var personId = await factory.CreatePersonAsync(number, [Roles.Employee]);
            await factory.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(p => p.Id == personId)).SiteId = i < 4 ? siteA : siteB;
                return await db.SaveChangesAsync();
            });
            var client = await factory.SignedInAsync(number);
            var path = $"/learning/{Course}/{lesson}";
            var paper = await QuizTaker.StartAsync(client, path);
            await (i < 4 ? QuizTaker.PassAsync(client, path, quiz, paper) : QuizTaker.FailAsync(client, path, quiz, paper));
        }
        return (quiz, siteA);
    }

    [Fact]
    public async Task Analysis_PageCsvAndExcel_FiguresFromTheAttempts_SiteFilter_TrainersOnly()
    {
        var (quiz, siteA) = await AnswerAsync();
        await factory.CreatePersonAsync("IT", [Roles.Trainer]);
        await factory.CreatePersonAsync("IE", [Roles.Employee]);
        var trainer = await factory.SignedInAsync("IT");
        var employee = await factory.SignedInAsync("IE");

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/courses/manage/{Course}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/courses/manage/{Course}/analysis.csv")).StatusCode);

        var response = await trainer.GetAsync($"/courses/manage/{Course}/analysis");
        Assert.True(response.IsSuccessStatusCode, factory.Errors.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("共分析 6 次作答", page);
        Assert.Contains("<svg class=\"item-chart\"", page);

        var csv = await trainer.GetStringAsync($"/courses/manage/{Course}/analysis.csv");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.NotEmpty(rows);
        // Every attempt showed the draw; each question's answers add up to the six attempts' questions.
        Assert.Equal(6 * quiz.QuestionsPerAttempt, rows.Sum(r => int.Parse(r[3])));
        Assert.All(rows, r => Assert.Contains(r[1], quiz.Questions.Select(q => q.Id)));

        var siteOnly = await trainer.GetStringAsync($"/courses/manage/{Course}/analysis.csv?site={siteA}");
        var siteRows = siteOnly.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(4 * quiz.QuestionsPerAttempt, siteRows.Sum(r => int.Parse(r[3])));
        Assert.All(siteRows, r => Assert.Equal(r[3], r[4])); // site A passed with every answer right

        var xlsx = await trainer.GetAsync($"/courses/manage/{Course}/analysis.xlsx?site=abc&version=99999999999");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(rows.Count, sheet.Count);
        Assert.Equal(rows.Sum(r => int.Parse(r[3])), sheet.Sum(r => Convert.ToInt32(r["answers"])));

        var hostile = await trainer.GetAsync($"/courses/manage/{Course}/analysis?version=abc&site=%00");
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
    }
}
