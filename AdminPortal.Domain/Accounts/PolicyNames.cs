namespace AdminPortal.Domain.Accounts;

/// <summary>Policy names as constants, for <c>[Authorize(Policy = ...)]</c> attributes.</summary>
public static class PolicyNames
{
    public const string SignedIn = nameof(SignedIn);
    public const string ViewOperations = nameof(ViewOperations);
    public const string ManagePortal = nameof(ManagePortal);
    public const string ResetCourses = nameof(ResetCourses);
    public const string EditHighlights = nameof(EditHighlights);
}
