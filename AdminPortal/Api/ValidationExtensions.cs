using System.Text.Json;
using AdminPortal.Domain;
using FluentValidation;
using FluentValidation.Results;
using AdminPortal.Domain.Text;

namespace AdminPortal.Api;

public static class ValidationExtensions
{
    /// <summary>
    /// Applies a domain rule (a parser that throws a <see cref="DomainException"/>) as a validation rule with its message, and
    /// keeps what it made of the field: the caller takes it with <see cref="Parsed{T, TValue}"/> instead of parsing again.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> Satisfies<T, TValue>(this IRuleBuilder<T, string?> rule, Func<string, TValue> domainRule) =>
        rule.Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                context.AddFailure("This field is required.");
                return;
            }
            try
            {
                context.RootContextData[ParsedKey(context.PropertyPath)] = domainRule(value);
            }
            catch (DomainException e)
            {
                context.AddFailure(e.Message);
            }
        });

    /// <summary>
    /// What the domain rule of a valid field made of it (<see cref="Satisfies{T, TValue}"/>), by the field's path:
    /// <c>"CourseKey"</c>, or <c>"Sections[2].Id"</c> for a list's item.
    /// </summary>
    public static TValue Parsed<T, TValue>(this ValidationContext<T> context, string propertyPath) =>
        context.RootContextData.TryGetValue(ParsedKey(propertyPath), out var value) && value is TValue parsed
            ? parsed
            : throw new InvalidOperationException($"No valid {propertyPath} was parsed: validate the request before reading it.");

    private static string ParsedKey(string propertyPath) => $"parsed:{propertyPath}";

    /// <summary>Refuses line breaks, tabs, NUL and text-direction overrides (<see cref="ControlCharacters"/>) in a name or title.</summary>
    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule, string what) =>
        rule.Must(value => !ControlCharacters.AnyIn(value as string)).WithMessage($"{what} {ControlCharacters.Rule}.");

    /// <summary>Validation errors with the field names the JSON API uses (course_key, not CourseKey).</summary>
    public static IReadOnlyList<ServiceError> ToApiErrors(this ValidationResult result) =>
        result.Errors.Select(e => new ServiceError(ErrorKind.Invalid, ApiFieldName(e.PropertyName), e.ErrorMessage)).ToList();

    private static string ApiFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}
