namespace AdminPortal.Api;

/// <summary>RFC 7807 problem details whose <c>errors</c> name each refused field, whatever the status.</summary>
public static class ApiProblems
{
    public static IResult From(IReadOnlyList<ServiceError> errors)
    {
        var kind = errors.Any(e => e.Kind == ErrorKind.Invalid) ? ErrorKind.Invalid : errors[0].Kind;
        var (status, title) = kind switch
        {
            ErrorKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Payload too large"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            _ => (StatusCodes.Status400BadRequest, "The request is not valid"),
        };
        return Results.Problem(
            statusCode: status,
            title: title,
            detail: string.Join(" ", errors.Select(e => e.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });
    }

    public static IResult ToHttp<T>(this ServiceResult<T> result, Func<T, IResult> success) =>
        result.Succeeded ? success(result.Value!) : From(result.Errors);
}
