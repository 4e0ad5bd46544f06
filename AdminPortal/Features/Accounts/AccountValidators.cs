using AdminPortal.Api;
using AdminPortal.Domain.Accounts;
using FluentValidation;

namespace AdminPortal.Features.Accounts;

public sealed class AccountFieldsValidator<T> : AbstractValidator<T>
    where T : IAccountFields
{
    public AccountFieldsValidator()
    {
        RuleFor(a => a.Email).NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(256).WithMessage("An email address has at most 256 characters.")
            .EmailAddress().WithMessage("Enter a valid email address, such as name@example.org.");
        RuleFor(a => a.DisplayName).NotEmpty().WithMessage("Enter the person's name.")
            .MaximumLength(100).WithMessage("A name has at most 100 characters.").NoControlCharacters("A name");
        RuleFor(a => a.Password).NotEmpty().WithMessage("Enter a password.");
    }
}

public sealed class NewAccountValidator : AbstractValidator<NewAccountRequest>
{
    public NewAccountValidator()
    {
        Include(new AccountFieldsValidator<NewAccountRequest>());
        RuleFor(a => a.Roles).MustBePortalRoles();
    }
}

public sealed class FirstSuperuserValidator : AbstractValidator<FirstSuperuserRequest>
{
    public FirstSuperuserValidator()
    {
        RuleFor(a => a.SetupCode).NotEmpty().WithMessage($"Enter the set-up code from {FirstRunSetup.CodeFileName}.");
        Include(new AccountFieldsValidator<FirstSuperuserRequest>());
    }
}

public sealed class RolesRequestValidator : AbstractValidator<RolesRequest>
{
    public RolesRequestValidator() => RuleFor(r => r.Roles).MustBePortalRoles();
}

public sealed class PasswordRequestValidator : AbstractValidator<PasswordRequest>
{
    public PasswordRequestValidator()
    {
        RuleFor(p => p.Password).NotEmpty().WithMessage("Enter a password.");
        RuleFor(p => p.ConfirmPassword).Equal(p => p.Password).WithMessage("The two passwords differ.");
    }
}

internal static class RoleRules
{
    public static IRuleBuilderOptions<T, List<string>> MustBePortalRoles<T>(this IRuleBuilderInitial<T, List<string>> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose at least one role.")
            .Must(roles => roles.All(PortalRoles.IsKnown))
            .WithMessage((_, roles) =>
                $"'{roles.First(r => !PortalRoles.IsKnown(r))}' is not a role: use one of {string.Join(", ", PortalRoles.All)}.");
}
