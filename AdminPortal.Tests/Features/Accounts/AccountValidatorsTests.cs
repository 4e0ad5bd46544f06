using AdminPortal.Features.Accounts;

namespace AdminPortal.Tests.Features.Accounts;

public sealed class AccountValidatorsTests
{
    private static NewAccountRequest Valid() => new()
    {
        Email = "ada@example.org", DisplayName = "Ada", Roles = ["Staff"], Password = "Secret#2026x",
    };

    private static IReadOnlyList<(string Field, string Message)> Errors(NewAccountRequest request) =>
        new NewAccountValidator().Validate(request).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Fact]
    public void AValidRequestPasses() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void EachMissingFieldIsNamed()
    {
        var errors = Errors(new NewAccountRequest());
        Assert.Contains(("Email", "Enter an email address."), errors);
        Assert.Contains(("DisplayName", "Enter the person's name."), errors);
        Assert.Contains(("Roles", "Choose at least one role."), errors);
        Assert.Contains(("Password", "Enter a password."), errors);
    }

    [Fact]
    public void AMalformedEmailIsRefused()
    {
        var request = Valid();
        request.Email = "not-an-email";
        Assert.Equal([("Email", "Enter a valid email address, such as name@example.org.")], Errors(request));
    }

    [Fact]
    public void AnUnknownRoleIsNamedWithTheKnownOnes()
    {
        var request = Valid();
        request.Roles = ["Staff", "Admin"];
        Assert.Equal([("Roles", "'Admin' is not a role: use one of Superuser, Staff, Support, CourseAuthor.")], Errors(request));
    }

    [Fact]
    public void ANameOverOneHundredCharactersIsRefused()
    {
        var request = Valid();
        request.DisplayName = new string('a', 101);
        Assert.Equal([("DisplayName", "A name has at most 100 characters.")], Errors(request));
    }

    [Fact]
    public void TheRepeatedPasswordMustMatch()
    {
        var errors = new PasswordRequestValidator().Validate(new PasswordRequest { Password = "One#2026abc", ConfirmPassword = "Two#2026abc" });
        Assert.Equal("The two passwords differ.", Assert.Single(errors.Errors).ErrorMessage);
    }
}
