namespace AdminPortal.Components.Shared;

public sealed record SelectOption(string Value, string Text);
