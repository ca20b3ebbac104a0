using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>A year of end-of-shift reviews for every generated team, and the notes on people of the last weeks.</summary>
internal sealed partial class LargeCompanyBuild
{
    private static readonly (EtiquettePoint Good, string GoodText, EtiquettePoint Short, string ShortText)[] ReviewSamples =
    [
        (EtiquettePoint.Smile | EtiquettePoint.Greet, "见到业主主动问好，微笑自然", EtiquettePoint.Rise, "前台有访客时个别同事未起身接待"),
        (EtiquettePoint.Meet, "目光接触时点头致意", EtiquettePoint.Language, "接电话时说了“不清楚”，应改为“我帮您确认”"),
        (EtiquettePoint.Appearance, "制服整洁，工牌佩戴规范", EtiquettePoint.FirstInquiry, "业主报修后没有跟进回复"),
        (EtiquettePoint.Hygiene | EtiquettePoint.Smile, "大堂地面保持干净，清扫时礼让行人", EtiquettePoint.Greet | EtiquettePoint.Rise, "高峰时段问好声音偏小"),
        (EtiquettePoint.FirstInquiry, "首问负责：帮业主登记并回访了快递问题", EtiquettePoint.Appearance, "夜班有人未戴工牌"),
    ];

    /// <summary>How far back the reviews get notes on people (praise or correction), as the demo's four weeks do.</summary>
    private const int NoteDays = 56;

    public async Task ReviewsAsync(CancellationToken cancellationToken)
    {
        var reviews = new List<ShiftReview>();
        foreach (var team in teams)
        {
            var members = team.Members.Select(m => m.Id).ToList();
            for (var daysAgo = LargeCompanyGenerator.ReviewDays; daysAgo >= 1; daysAgo--)
                foreach (var slot in ShiftCalendar.SlotsOn(team.Team.Shifts, Today.AddDays(-daysAgo)))
                {
                    // About one shift in fourteen goes without a review, as on a real site.
                    if (random.Next(14) == 0) continue;
                    var sample = ReviewSamples[random.Next(ReviewSamples.Length)];
                    var late = random.Next(20) == 0;
                    var ended = ShiftCalendar.EndOf(team.Team.Shifts, slot);
                    var filed = SiteTime.ToUtc(late ? ended.AddHours(14) : ended.AddMinutes(-20 + random.Next(40)), team.TimeZoneId);
                    var review = new ShiftReview
                    {
                        TeamId = team.Team.Id, ShiftDate = slot.Date, ShiftKey = slot.Key, SubmissionKey = NextGuid(), FiledById = team.LeaderId,
                        FiledAtUtc = filed, UpdatedAtUtc = filed, FiledLate = late, RosterSize = members.Count,
                        WentWell = sample.GoodText, WentWellPoints = sample.Good, FellShort = sample.ShortText, FellShortPoints = sample.Short,
                    };
                    if (random.Next(5) == 0) review.AbsentPersonIds.Add(Pick(members));
                    reviews.Add(review);
                }
        }
        await InsertAsync(reviews, cancellationToken);
        await NotesAsync(reviews, cancellationToken);
    }

    /// <summary>A note on one member in every third review of the last <see cref="NoteDays"/> days, most of the older ones acknowledged.</summary>
    private async Task NotesAsync(List<ShiftReview> reviews, CancellationToken cancellationToken)
    {
        var since = Today.AddDays(-NoteDays);
        List<(int Id, int TeamId, DateOnly ShiftDate, string ShiftKey)> stored;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            stored = (await db.ShiftReviews.AsNoTracking().Where(r => r.ShiftDate >= since)
                .Select(r => new { r.Id, r.TeamId, r.ShiftDate, r.ShiftKey }).ToListAsync(cancellationToken))
                .Select(r => (r.Id, r.TeamId, r.ShiftDate, r.ShiftKey)).ToList();
        var ids = stored.ToDictionary(r => (r.TeamId, r.ShiftDate, r.ShiftKey), r => r.Id);
        var byTeam = teams.ToDictionary(t => t.Team.Id);
        var notes = new List<ShiftReviewNote>();
        foreach (var review in reviews.Where(r => r.ShiftDate >= since))
        {
            if (random.Next(3) != 0) continue;
            var praise = random.Next(2) == 0;
            var sample = ReviewSamples[random.Next(ReviewSamples.Length)];
            notes.Add(new ShiftReviewNote
            {
                ReviewId = ids[(review.TeamId, review.ShiftDate, review.ShiftKey)], PersonId = Pick(byTeam[review.TeamId].Members).Id,
                ShiftDate = review.ShiftDate, TeamId = review.TeamId, CreatedAtUtc = review.FiledAtUtc,
                Kind = praise ? NoteKind.Praise : NoteKind.Correction, Points = praise ? sample.Good : sample.Short, Text = praise ? sample.GoodText : sample.ShortText,
                AcknowledgedAtUtc = review.ShiftDate < Today.AddDays(-7) && random.Next(4) != 0 ? review.FiledAtUtc.AddHours(12) : null,
            });
        }
        await InsertAsync(notes, cancellationToken);
    }
}
