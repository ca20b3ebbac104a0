using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

/// <summary>Finds the person behind what was typed in the sign-in box: employee number, mobile number or email.</summary>
public class PersonLookup(UserManager<Person> users, LmsDbContext db)
{
    public async Task<Person?> FindAsync(string typed)
    {
        var identifier = SignInIdentifier.Parse(typed);
        return identifier.Kind switch
        {
            SignInIdentifierKind.Email => await users.FindByEmailAsync(identifier.Value),
            SignInIdentifierKind.Phone => await db.Users.SingleOrDefaultAsync(p => p.PhoneNumber == identifier.Value)
                ?? await users.FindByNameAsync(typed.Trim()),
            _ => await users.FindByNameAsync(identifier.Value),
        };
    }
}
