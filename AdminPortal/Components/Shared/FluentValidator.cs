using AdminPortal.Api;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AdminPortal.Components.Shared;

/// <summary>
/// Runs a FluentValidation validator inside an EditForm (the same validator the service and the CLI run), and shows
/// errors the service returned after a submit next to their fields.
/// </summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Parameter, EditorRequired] public IValidator Validator { get; set; } = default!;

    private ValidationMessageStore messages = default!;
    private EditContext context = default!;

    protected override void OnInitialized()
    {
        context = EditContext ?? throw new InvalidOperationException($"{nameof(FluentValidator)} must sit inside an EditForm.");
        messages = new ValidationMessageStore(context);
        context.OnValidationRequested += ValidateModel;
        context.OnFieldChanged += ValidateField;
    }

    /// <summary>Shows errors found on the server; an error without a field goes to the form as a whole.</summary>
    public void Show(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            messages.Add(context.Field(error.Field), error.Message);
        }
        context.NotifyValidationStateChanged();
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        messages.Clear();
        Add(Validator.Validate(new ValidationContext<object>(context.Model)));
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        messages.Clear(field);
        messages.Clear(context.Field(""));
        Add(Validator.Validate(ValidationContext<object>.CreateWithOptions(context.Model, o => o.IncludeProperties(field.FieldName))));
    }

    private void Add(FluentValidation.Results.ValidationResult result)
    {
        foreach (var error in result.Errors)
        {
            messages.Add(context.Field(error.PropertyName), error.ErrorMessage);
        }
        context.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        context.OnValidationRequested -= ValidateModel;
        context.OnFieldChanged -= ValidateField;
    }
}
