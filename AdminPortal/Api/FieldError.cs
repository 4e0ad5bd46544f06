namespace AdminPortal.Api;

/// <summary>A refusal that names the field it belongs to ("" for the whole form), as a form shows it under that field.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
