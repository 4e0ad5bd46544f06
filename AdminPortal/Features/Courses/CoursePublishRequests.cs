using AdminPortal.Api;
using AdminPortal.Domain.Learning;
using FluentValidation;

namespace AdminPortal.Features.Courses;

/// <summary>The LMS's course-publish event, as PUT /api/courses/{key} receives it.</summary>
public sealed record CoursePublish(
    string? DisplayName,
    string? Site,
    DateTime? Start,
    DateTime? End,
    bool? SelfPaced,
    string? Language,
    IReadOnlyList<ModePublish>? Modes,
    IReadOnlyList<SectionPublish>? Sections);

public sealed record ModePublish(string? Mode, DateTime? Expiration);

public sealed record SectionPublish(string? Id, string? Title, int? Position, bool? Hidden);

/// <param name="SectionsHidden">Sections the outline no longer has but that hold highlights: kept, hidden from the contents.</param>
public sealed record PublishOutcome(string CourseKey, bool Created, int SectionsAdded, int SectionsUpdated, int SectionsRemoved, int SectionsHidden);

public sealed class CoursePublishValidator : AbstractValidator<CoursePublish>
{
    public CoursePublishValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("This field is required.")
            .MaximumLength(255).WithMessage("A course name has at most 255 characters.").NoControlCharacters("A course name");
        RuleFor(c => c.Start).NotNull().WithMessage("This field is required.");
        RuleFor(c => c.End).Must((c, end) => end is null || c.Start is null || end > c.Start)
            .WithMessage("A course must end after it starts.");
        RuleFor(c => c.Language).Satisfies(LanguageCode.Valid).When(c => c.Language is not null);
        RuleForEach(c => c.Modes).ChildRules(mode => mode.RuleFor(m => m.Mode).Satisfies(CourseMode.ValidSlug));
        RuleFor(c => c.Modes).Must(m => m is null || m.Select(x => x.Mode?.Trim().ToLowerInvariant()).Distinct().Count() == m.Count)
            .WithMessage("A mode is listed twice.");
        RuleForEach(c => c.Sections).ChildRules(section =>
        {
            section.RuleFor(s => s.Id).Satisfies(Section.ValidBlockId);
            section.RuleFor(s => s.Title).NotEmpty().WithMessage("This field is required.")
                .MaximumLength(255).WithMessage("A section title has at most 255 characters.").NoControlCharacters("A section title");
            section.RuleFor(s => s.Position).NotNull().WithMessage("This field is required.")
                .GreaterThanOrEqualTo(0).WithMessage("A position is 0 or more.");
        });
        RuleFor(c => c.Sections).Must(s => s is null || s.Select(x => x.Id).Distinct().Count() == s.Count)
            .WithMessage("A section id is listed twice.");
    }
}
