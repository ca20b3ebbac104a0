using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Tests.Courses;

public class AudienceTests
{
    private static readonly AudienceRule CustomerFacing = new([], [], CustomerFacingOnly: true);
    private static readonly AudienceRule Managers = new([Roles.Manager], [], false);
    private static readonly AudienceRule SecurityOrCleaning = new([], [LineOfWork.Security, LineOfWork.Cleaning], false);
    private static readonly AudienceRule FacingManagers = new([Roles.Manager], [], CustomerFacingOnly: true);
    private static readonly AudienceRule FacingSecurityLeaders = new([Roles.ClassLeader, Roles.Manager], [LineOfWork.Security], CustomerFacingOnly: true);
    private static readonly AudienceRule Anyone = new([], [], false);
    private static readonly AudienceRule Everyone = new([], [], false, Everyone: true);

    private static readonly Dictionary<string, AudienceRule> Rules = new()
    {
        [nameof(CustomerFacing)] = CustomerFacing,
        [nameof(Managers)] = Managers,
        [nameof(SecurityOrCleaning)] = SecurityOrCleaning,
        [nameof(FacingManagers)] = FacingManagers,
        [nameof(FacingSecurityLeaders)] = FacingSecurityLeaders,
        [nameof(Anyone)] = Anyone,
    };

    private static LearnerProfile Person(string roles, LineOfWork? line, bool facing) => new(roles.Split(','), line, facing, ExemptFromCompanyWideCourses: false);

    [Theory]
    // rule, the person's roles, line of work, faces customers → in the audience
    [InlineData(nameof(CustomerFacing), "Employee", LineOfWork.CustomerService, true, true)]
    [InlineData(nameof(CustomerFacing), "Employee", LineOfWork.CustomerService, false, false)]
    [InlineData(nameof(CustomerFacing), "Manager", null, true, true)]                  // no post's line needed
    [InlineData(nameof(Managers), "Employee,Manager", null, false, true)]               // any of the person's roles
    [InlineData(nameof(Managers), "Employee", LineOfWork.Security, true, false)]
    [InlineData(nameof(Managers), "Admin", null, false, false)]                         // an administrator is not a manager
    [InlineData(nameof(SecurityOrCleaning), "Employee", LineOfWork.Cleaning, false, true)]
    [InlineData(nameof(SecurityOrCleaning), "Employee", LineOfWork.Greening, false, false)]
    [InlineData(nameof(SecurityOrCleaning), "Employee", null, true, false)]             // no post, no line of work
    [InlineData(nameof(FacingManagers), "Manager", LineOfWork.Engineering, true, true)] // every condition holds
    [InlineData(nameof(FacingManagers), "Manager", LineOfWork.Engineering, false, false)]
    [InlineData(nameof(FacingManagers), "Employee", LineOfWork.Engineering, true, false)]
    [InlineData(nameof(FacingSecurityLeaders), "Employee,ClassLeader", LineOfWork.Security, true, true)]
    [InlineData(nameof(FacingSecurityLeaders), "Employee,ClassLeader", LineOfWork.Cleaning, true, false)]
    [InlineData(nameof(FacingSecurityLeaders), "Employee", LineOfWork.Security, true, false)]
    [InlineData(nameof(Anyone), "Employee", null, false, true)]                         // a rule naming nothing matches everyone
    public void Matches_OneRule_EveryConditionNamedMustHold(string rule, string roles, LineOfWork? line, bool facing, bool expected) =>
        Assert.Equal(expected, Rules[rule].Matches(Person(roles, line, facing)));

    [Theory]
    [InlineData("", "Manager", null, true, false)]                                     // no rules: assigned by hand only
    [InlineData("CustomerFacing,Managers", "Manager", null, false, true)]             // the second rule matches
    [InlineData("CustomerFacing,Managers", "Employee", LineOfWork.Cleaning, true, true)]
    [InlineData("CustomerFacing,Managers", "Employee", LineOfWork.Cleaning, false, false)]
    [InlineData("SecurityOrCleaning,FacingManagers", "Trainer", LineOfWork.Engineering, true, false)]
    public void Includes_SeveralRules_AnyOneMatchingIsEnough(string rules, string roles, LineOfWork? line, bool facing, bool expected)
    {
        var chosen = rules.Length == 0 ? [] : rules.Split(',').Select(name => Rules[name]).ToList();

        Assert.Equal(expected, Audience.Includes(chosen, Person(roles, line, facing)));
    }

    [Theory]
    // rules, line of work, faces customers, post opted out of company-wide courses → in the audience
    [InlineData("Everyone", LineOfWork.Greening, false, false, true)]                  // every line of work, not only customer-facing posts
    [InlineData("Everyone", null, false, false, true)]                                 // no post at all
    [InlineData("Everyone", LineOfWork.Greening, false, true, false)]                  // the post is opted out
    [InlineData("Everyone,CustomerFacing", LineOfWork.Security, true, true, true)]    // opting out drops only the company-wide rule
    [InlineData("Everyone,CustomerFacing", LineOfWork.Engineering, false, true, false)]
    [InlineData("CustomerFacing", LineOfWork.CustomerService, true, true, true)]      // other rules ignore the opt-out
    public void Includes_CompanyWideRule_ReachesEveryPostButOneOptedOut(string rules, LineOfWork? line, bool facing, bool exempt, bool expected)
    {
        var chosen = rules.Split(',').Select(name => name == nameof(Everyone) ? Everyone : Rules[name]).ToList();

        Assert.Equal(expected, Audience.Includes(chosen, new LearnerProfile([Roles.Employee], line, facing, exempt)));
    }
}
