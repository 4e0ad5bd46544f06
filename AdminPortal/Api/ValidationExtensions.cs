using System.Text.Json;
using AdminPortal.Domain;
using FluentValidation;
using FluentValidation.Results;
using AdminPortal.Domain.Text;

namespace AdminPortal.Api;

public static class ValidationExtensions
{
    /// <summary>Applies a domain rule (which throws a <see cref="DomainException"/>) as a validation rule with its message.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Satisfies<T>(this IRuleBuilder<T, string?> rule, Func<string, object?> domainRule) =>
        rule.Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                context.AddFailure("This field is required.");
                return;
            }
            try
            {
                domainRule(value);
            }
            catch (DomainException e)
            {
                context.AddFailure(e.Message);
            }
        });

    /// <summary>Refuses line breaks, tabs, NUL and text-direction overrides (<see cref="ControlCharacters"/>) in a name or title.</summary>
    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule, string what) =>
        rule.Must(value => !ControlCharacters.AnyIn(value as string)).WithMessage($"{what} {ControlCharacters.Rule}.");

    /// <summary>Validation errors with the field names the JSON API uses (course_key, not CourseKey).</summary>
    public static IReadOnlyList<ServiceError> ToApiErrors(this ValidationResult result) =>
        result.Errors.Select(e => new ServiceError(ErrorKind.Invalid, ApiFieldName(e.PropertyName), e.ErrorMessage)).ToList();

    private static string ApiFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}
