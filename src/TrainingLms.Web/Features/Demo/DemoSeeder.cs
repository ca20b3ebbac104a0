using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// A demo property-services company: two estates, seven teams and a contractor's cleaning team, fifty-four people, one
/// sign-in per role.
/// Runs only in demo mode and only on a database without sites.
/// </summary>
public class DemoSeeder(LmsDbContext db, UserManager<Person> users, IPasswordHasher<Person> hasher, CourseAssigner courses, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Roles.Admin, "A0001", "周敏", "13800000001"),
        new(Roles.Trainer, "T0001", "林晓雯", "13800000002"),
        new(Roles.Manager, "M0001", "王建国", "13800000003"),
        new(Roles.ClassLeader, "C0001", "陈丽", "13800000004"),
        new(Roles.Employee, "E0001", "李娜", "13800000005"),
    ];

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗", "郑", "梁"];
    private static readonly string[] GivenNames = ["伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "玉兰", "志强", "海燕", "晓东", "春梅", "国庆", "红霞"];

    public async Task SeedAsync(string password)
    {
        // Only ever into an empty database: never next to a real company's people.
        if (await db.Users.AnyAsync() || await db.Companies.AnyAsync()) return;
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, null);
        var now = clock.GetUtcNow().UtcDateTime;

        db.Companies.Add(new Company { Name = "和悦物业服务有限公司" });
        var cuihu = new Site { Code = "CH", Name = "翠湖花园", Address = "杭州市西湖区翠湖路 88 号" };
        var jinjiang = new Site { Code = "JJ", Name = "锦江商务中心", Address = "成都市锦江区东大街 166 号" };
        db.Sites.AddRange(cuihu, jinjiang);

        var positions = new Dictionary<LineOfWork, Position>
        {
            [LineOfWork.CustomerService] = new() { Name = "客服前台", LineOfWork = LineOfWork.CustomerService, FacesCustomers = true, HasConcentratedShift = true },
            [LineOfWork.Security] = new() { Name = "秩序维护员", LineOfWork = LineOfWork.Security, FacesCustomers = true, HasConcentratedShift = true },
            [LineOfWork.Cleaning] = new() { Name = "保洁员", LineOfWork = LineOfWork.Cleaning, FacesCustomers = true, HasConcentratedShift = false },
            [LineOfWork.Engineering] = new() { Name = "维修工", LineOfWork = LineOfWork.Engineering, FacesCustomers = true, HasConcentratedShift = false },
            [LineOfWork.Greening] = new() { Name = "绿化工", LineOfWork = LineOfWork.Greening, FacesCustomers = false, HasConcentratedShift = false },
        };
        var managerPosition = new Position { Name = "项目经理", LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
        var trainerPosition = new Position { Name = "服务礼仪培训师", LineOfWork = LineOfWork.CustomerService, FacesCustomers = false };
        db.Positions.AddRange(positions.Values);
        db.Positions.AddRange(managerPosition, trainerPosition);

        List<TeamShift> dayAndNight = [new("白班", new(8, 0), new(20, 0)), new("夜班", new(20, 0), new(8, 0))];
        var teams = new List<Team>
        {
            new() { Site = cuihu, Name = "客服班", LineOfWork = LineOfWork.CustomerService, Shifts = [new("早班", new(7, 30), new(15, 30)), new("晚班", new(15, 30), new(23, 30))] },
            new() { Site = cuihu, Name = "秩序班", LineOfWork = LineOfWork.Security, Shifts = dayAndNight },
            new() { Site = cuihu, Name = "保洁班", LineOfWork = LineOfWork.Cleaning },
            new() { Site = cuihu, Name = "绿化班", LineOfWork = LineOfWork.Greening },
            new() { Site = jinjiang, Name = "客服班", LineOfWork = LineOfWork.CustomerService },
            new() { Site = jinjiang, Name = "秩序班", LineOfWork = LineOfWork.Security, Shifts = [.. dayAndNight] },
            new() { Site = jinjiang, Name = "工程班", LineOfWork = LineOfWork.Engineering },
        };
        db.Teams.AddRange(teams);
        // An outside cleaning company (外包单位) with its own small team at 翠湖花园: its staff learn, drill and are
        // reviewed like the company's own, and the oversight pages can show them apart.
        var contractor = new ContractorCompany { Name = "洁美保洁服务有限公司" };
        var contractorTeam = new Team { Site = cuihu, Name = "外包保洁班", LineOfWork = LineOfWork.Cleaning };
        db.ContractorCompanies.Add(contractor);
        db.Teams.Add(contractorTeam);
        await db.SaveChangesAsync();

        var passwordHash = hasher.HashPassword(new Person { FullName = "" }, password);
        Person NewPerson(string number, string name, string? phone, Team? team, Position? position, DateOnly hired, Site? site = null)
        {
            var person = new Person
            {
                UserName = number, FullName = name, PhoneNumber = phone, Team = team, Site = site ?? team?.Site,
                Position = position, HireDate = hired, CreatedAtUtc = now, PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            person.NormalizedUserName = users.NormalizeName(number);
            db.Users.Add(person);
            return person;
        }

        Person AccountPerson(string role, Team? team, Position? position, DateOnly hired)
        {
            var account = Accounts.Single(a => a.Role == role);
            return NewPerson(account.EmployeeNumber, account.FullName, account.Phone, team, position, hired, cuihu);
        }
        var admin = AccountPerson(Roles.Admin, null, null, today.AddYears(-6));
        var trainer = AccountPerson(Roles.Trainer, null, trainerPosition, today.AddYears(-4));
        var manager = AccountPerson(Roles.Manager, null, managerPosition, today.AddYears(-8));
        var leader = AccountPerson(Roles.ClassLeader, teams[0], positions[LineOfWork.CustomerService], today.AddYears(-3));
        var newHire = AccountPerson(Roles.Employee, teams[0], positions[LineOfWork.CustomerService], today.AddDays(-10));
        admin.Email = "zhoumin@heyue.example.com";
        admin.NormalizedEmail = users.NormalizeEmail(admin.Email);
        teams[0].ClassLeaderId = leader.Id;

        var staff = new List<Person>();
        for (var i = 0; i < 45; i++)
        {
            var team = teams[i % teams.Count];
            var name = Surnames[i * 7 % Surnames.Length] + GivenNames[i * 11 % GivenNames.Length];
            var hired = today.AddDays(-(i % 5 == 0 ? 5 + i : 120 + i * 37));
            staff.Add(NewPerson($"E{i + 2:0000}", name, $"139{i + 1:00000000}", team, positions[team.LineOfWork], hired));
        }
        // Every team but the demo class leader's gets its longest-serving member as class leader.
        foreach (var team in teams.Skip(1))
            team.ClassLeaderId = staff.Where(p => p.Team == team).OrderBy(p => p.HireDate).First().Id;
        string[] contractorNames = ["蒋桂芳", "沈国华", "韩秀珍", "冯建军"];
        foreach (var (name, i) in contractorNames.Select((name, i) => (name, i)))
        {
            var cleaner = NewPerson($"JM{i + 1:000}", name, $"137{i + 1:00000000}", contractorTeam, positions[LineOfWork.Cleaning], today.AddDays(-(400 - i * 90)));
            cleaner.ContractorCompany = contractor;
            staff.Add(cleaner);
        }
        contractorTeam.ClassLeaderId = staff.Single(p => p.UserName == "JM001").Id;
        await db.SaveChangesAsync();

        var leaders = teams.Select(t => t.ClassLeaderId).ToHashSet();
        await AddRolesAsync(admin, Roles.Admin, Roles.Employee);
        await AddRolesAsync(trainer, Roles.Trainer, Roles.Employee);
        await AddRolesAsync(manager, Roles.Manager, Roles.Employee);
        await AddRolesAsync(leader, Roles.ClassLeader, Roles.Employee);
        await AddRolesAsync(newHire, Roles.Employee);
        foreach (var person in staff)
            await AddRolesAsync(person, leaders.Contains(person.Id) ? [Roles.ClassLeader, Roles.Employee] : [Roles.Employee]);
        await db.SaveChangesAsync();
        SeedReviews([.. teams.SkipLast(1), contractorTeam, teams[^1]], staff.Concat([leader, newHire]).ToList(), today, now);
        await db.SaveChangesAsync();
        // The content is published before the demo company exists: everyone gets the courses their post brings.
        await courses.AssignByAudienceAsync();
        logger.LogInformation("Demo company seeded: 2 sites, {Teams} teams, {People} people", teams.Count + 1, staff.Count + Accounts.Count);
    }

    private static readonly (EtiquettePoint Good, string GoodText, EtiquettePoint Short, string ShortText)[] ReviewSamples =
    [
        (EtiquettePoint.Smile | EtiquettePoint.Greet, "见到业主主动问好，微笑自然", EtiquettePoint.Rise, "前台有访客时个别同事未起身接待"),
        (EtiquettePoint.Meet, "目光接触时点头致意", EtiquettePoint.Language, "接电话时说了“不清楚”，应改为“我帮您确认”"),
        (EtiquettePoint.Appearance, "制服整洁，工牌佩戴规范", EtiquettePoint.FirstInquiry, "业主报修被转给外包单位后没有跟进回复"),
        (EtiquettePoint.Hygiene | EtiquettePoint.Smile, "大堂地面保持干净，清扫时礼让行人", EtiquettePoint.Greet | EtiquettePoint.Rise, "高峰时段问好声音偏小"),
        (EtiquettePoint.FirstInquiry, "首问负责：帮业主登记并回访了快递问题", EtiquettePoint.Appearance, "夜班有人未戴工牌"),
    ];

    /// <summary>Four weeks of reviews, with a few left out, so the grid, the trends and the notes show something.</summary>
    private void SeedReviews(List<Team> teams, List<Person> people, DateOnly today, DateTime now)
    {
        foreach (var (team, t) in teams.Select((team, t) => (team, t)))
        {
            var members = people.Where(p => p.Team == team).OrderBy(p => p.UserName).ToList();
            for (var daysAgo = 28; daysAgo >= 1; daysAgo--)
            {
                var date = today.AddDays(-daysAgo);
                foreach (var slot in ShiftCalendar.SlotsOn(team.Shifts, date))
                {
                    // Every team misses now and then; two forgot yesterday, so the home page has a flag and the demo leader a review to write.
                    if ((daysAgo * 7 + t * 3 + slot.Key.Length) % 11 == 0 || ((t == 0 || t == teams.Count - 1) && daysAgo == 1)) continue;
                    var sample = ReviewSamples[(daysAgo + t) % ReviewSamples.Length];
                    var filedAt = now.AddDays(-daysAgo);
                    var review = new ShiftReview
                    {
                        TeamId = team.Id, ShiftDate = slot.Date, ShiftKey = slot.Key, SubmissionKey = Guid.NewGuid(),
                        FiledById = team.ClassLeaderId!, FiledAtUtc = filedAt, UpdatedAtUtc = filedAt, FiledLate = daysAgo % 9 == 4,
                        RosterSize = members.Count, WentWell = sample.GoodText, WentWellPoints = sample.Good,
                        FellShort = sample.ShortText, FellShortPoints = sample.Short,
                    };
                    if (daysAgo % 5 == 0 && members.Count > 1) review.AbsentPersonIds.Add(members[daysAgo % members.Count].Id);
                    if (daysAgo % 3 == 0 && members.Count > 0)
                    {
                        var person = members[(daysAgo / 3) % members.Count];
                        var praise = daysAgo % 2 == 0;
                        review.Notes.Add(new ShiftReviewNote
                        {
                            PersonId = person.Id, ShiftDate = slot.Date, TeamId = team.Id, CreatedAtUtc = filedAt,
                            Kind = praise ? NoteKind.Praise : NoteKind.Correction, Points = praise ? sample.Good : sample.Short,
                            Text = praise ? sample.GoodText : sample.ShortText,
                            AcknowledgedAtUtc = daysAgo > 7 ? filedAt.AddHours(12) : null,
                        });
                    }
                    db.ShiftReviews.Add(review);
                }
            }
        }
    }

    public void PrintSignIns(string password)
    {
        Console.WriteLine();
        Console.WriteLine("TrainingLms demo sign-ins (employee number or phone, password: " + password + "):");
        foreach (var account in Accounts)
            Console.WriteLine($"  {account.Role,-12} {account.EmployeeNumber,-6} {account.Phone}  {account.FullName}");
        Console.WriteLine();
    }

    private async Task AddRolesAsync(Person person, params string[] roles)
    {
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
        foreach (var roleId in roleIds) db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleId });
    }
}

public sealed record DemoAccount(string Role, string EmployeeNumber, string FullName, string Phone);
