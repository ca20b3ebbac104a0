using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data.Identity;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>The sites, teams and people of the large company.</summary>
internal sealed partial class LargeCompanyBuild
{
    private static readonly string[] Cities = ["上海", "北京", "广州", "深圳", "南京", "苏州", "武汉", "西安", "重庆", "天津", "青岛", "厦门"];
    private static readonly string[] Estates = ["滨江花园", "云栖里", "金融广场"];
    private static readonly string[] Zones = [SiteTime.DefaultTimeZoneId, SiteTime.DefaultTimeZoneId, SiteTime.DefaultTimeZoneId, "Asia/Urumqi", "Asia/Hong_Kong"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗", "郑", "梁"];
    private static readonly string[] GivenNames = ["伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "玉兰", "志强", "海燕", "晓东", "春梅", "国庆", "红霞"];
    private static readonly Dictionary<LineOfWork, string> TeamNames = new()
    {
        [LineOfWork.CustomerService] = "客服", [LineOfWork.Security] = "秩序", [LineOfWork.Cleaning] = "保洁",
        [LineOfWork.Engineering] = "工程", [LineOfWork.Greening] = "绿化",
    };

    internal sealed record SiteRow(int Id, string TimeZoneId);

    internal sealed record TeamRow(Team Team, string TimeZoneId)
    {
        public List<PersonRow> Members { get; } = [];
        public string LeaderId => Team.ClassLeaderId!;
    }

    internal sealed record PersonRow(string Id, string Number, int? SiteId, TeamRow? Team, Position? Position, string Role, DateOnly Hired, string TimeZoneId);

    private readonly List<SiteRow> sites = [];
    private readonly List<TeamRow> teams = [];
    private readonly List<PersonRow> people = [];
    private readonly List<string> trainers = [];
    private string demoTrainer = "";
    private string demoAdmin = "";

    public async Task OrganisationAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var linePosition = positions.GroupBy(p => p.LineOfWork).ToDictionary(g => g.Key, g => g.First());
        var managerPosition = positions.FirstOrDefault(p => p.Name == "项目经理");
        var trainerPosition = positions.FirstOrDefault(p => p.Name == "服务礼仪培训师");
        var demo = await db.Users.AsNoTracking().Where(p => p.UserName == "T0001" || p.UserName == "A0001" || p.UserName == "E0001")
            .Select(p => new { p.Id, p.UserName, p.PasswordHash, p.SiteId }).ToListAsync(cancellationToken);
        demoTrainer = demo.Single(p => p.UserName == "T0001").Id;
        demoAdmin = demo.Single(p => p.UserName == "A0001").Id;
        // Everyone signs in with the demo's password: hashed once, as the demo seeder does for its people.
        var passwordHash = demo.Single(p => p.UserName == "E0001").PasswordHash;
        var headOffice = demo.Single(p => p.UserName == "T0001").SiteId;

        var newSites = Enumerable.Range(0, LargeCompanyGenerator.Sites).Select(i => new Site
        {
            Code = $"G{i + 1:00}", Name = Cities[i % Cities.Length] + Estates[i / Cities.Length % Estates.Length] + (i < Cities.Length * Estates.Length ? "" : $"{i / (Cities.Length * Estates.Length) + 1}期"),
            Address = $"{Cities[i % Cities.Length]}市示范路 {i + 1} 号", TimeZoneId = Zones[i % Zones.Length],
        }).ToList();
        db.Sites.AddRange(newSites);
        await db.SaveChangesAsync(cancellationToken);
        // The new teams are spread over every site, the demo's two included, so the demo manager's site grows too.
        var allSites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => new SiteRow(s.Id, s.TimeZoneId)).ToListAsync(cancellationToken);
        sites.AddRange(allSites.Where(s => newSites.Any(n => n.Id == s.Id)));
        var existingNames = (await db.Teams.AsNoTracking().Select(t => new { t.SiteId, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.SiteId, t.Name)).ToHashSet();

        LineOfWork[] lines = [LineOfWork.CustomerService, LineOfWork.Security, LineOfWork.Cleaning, LineOfWork.Engineering, LineOfWork.Greening];
        for (var i = 0; i < LargeCompanyGenerator.Teams; i++)
        {
            var site = allSites[i % allSites.Count];
            var line = lines[i / allSites.Count % lines.Length];
            var name = TeamNames[line] + "班";
            for (var n = 2; existingNames.Contains((site.Id, name)); n++) name = $"{TeamNames[line]}{n}班";
            existingNames.Add((site.Id, name));
            var team = new Team { SiteId = site.Id, Name = name, LineOfWork = line, Shifts = ShiftsFor(line) };
            db.Teams.Add(team);
            teams.Add(new TeamRow(team, site.TimeZoneId));
        }
        await db.SaveChangesAsync(cancellationToken);

        var leaderRole = Roles.ClassLeader;
        for (var i = 0; i < LargeCompanyGenerator.People; i++)
        {
            var number = LargeCompanyGenerator.Number(i);
            var id = NextGuid().ToString();
            var hired = Today.AddDays(-random.Next(15, 3_000));
            PersonRow person;
            if (i < LargeCompanyGenerator.Trainers)
            {
                person = new PersonRow(id, number, headOffice, null, trainerPosition, Roles.Trainer, hired, SiteTime.DefaultTimeZoneId);
                trainers.Add(id);
            }
            else if (i < LargeCompanyGenerator.Trainers + sites.Count)
            {
                var site = sites[i - LargeCompanyGenerator.Trainers];
                person = new PersonRow(id, number, site.Id, null, managerPosition, Roles.Manager, hired, site.TimeZoneId);
            }
            else
            {
                var team = teams[(i - LargeCompanyGenerator.Trainers - sites.Count) % teams.Count];
                var leads = team.Members.Count == 0;
                person = new PersonRow(id, number, team.Team.SiteId, team, linePosition.GetValueOrDefault(team.Team.LineOfWork), leads ? leaderRole : Roles.Employee,
                    leads ? Today.AddDays(-random.Next(800, 4_000)) : hired, team.TimeZoneId);
                if (leads) team.Team.ClassLeaderId = id;
                team.Members.Add(person);
            }
            people.Add(person);
        }

        var created = Today.AddDays(-LargeCompanyGenerator.ReviewDays - 30).ToDateTime(new TimeOnly(9, 0));
        await InsertAsync(people.Select((p, i) => new Person
        {
            Id = p.Id, UserName = p.Number, NormalizedUserName = p.Number.ToUpperInvariant(),
            FullName = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], PhoneNumber = $"150{i + 1:00000000}",
            SiteId = p.SiteId, TeamId = p.Team?.Team.Id, PositionId = p.Position?.Id, HireDate = p.Hired, CreatedAtUtc = created,
            PasswordHash = passwordHash, SecurityStamp = NextGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = NextGuid().ToString(),
            LockoutEnabled = true,
        }), cancellationToken);
        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        await InsertAsync(people.SelectMany(p => (p.Role == Roles.Employee ? [Roles.Employee] : new[] { p.Role, Roles.Employee })
            .Select(role => new IdentityUserRole<string> { UserId = p.Id, RoleId = roleIds[role] })), cancellationToken);
        // The teams wait for their leaders: saved now that the people are.
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Shifts as the demo's teams have them: front desks in two shifts at a third of the teams, guards day and night at half, the rest one daily review.</summary>
    private List<TeamShift> ShiftsFor(LineOfWork line) => line switch
    {
        LineOfWork.CustomerService when random.Next(3) == 0 => [new("早班", new(7, 30), new(15, 30)), new("晚班", new(15, 30), new(23, 30))],
        LineOfWork.Security when random.Next(2) == 0 => [new("白班", new(8, 0), new(20, 0)), new("夜班", new(20, 0), new(8, 0))],
        _ => [],
    };
}
