using AdminPortal.Api;
using FluentValidation.Results;

namespace AdminPortal.Features.Accounts;

internal static class ValidationResults
{
    public static AccountResult ToAccountResult(this ValidationResult validation) =>
        new(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
}
