namespace AdminPortal.Components.Shared;

public sealed record SelectOption(string Value, string Text);

public static class SelectOptions
{
    /// <summary>What a select shows for a value: its option's text, or the value itself when no option has it.</summary>
    public static string TextOf(this IReadOnlyList<SelectOption> options, string? value) =>
        options.FirstOrDefault(o => o.Value == (value ?? ""))?.Text ?? value ?? "";
}
