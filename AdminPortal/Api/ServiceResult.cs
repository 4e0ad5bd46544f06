namespace AdminPortal.Api;

public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The request body is over the server's limit.</summary>
    TooLarge,

    /// <summary>The caller may no longer do this (a course author removed from the course meanwhile).</summary>
    Forbidden,
}

/// <summary>Why a request was refused, naming the field (as the client spells it) and the rule.</summary>
public sealed record ServiceError(ErrorKind Kind, string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A value, or the errors that prevented it; services return this rather than throw for expected refusals.</summary>
public sealed record ServiceResult<T>(T? Value, IReadOnlyList<ServiceError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static implicit operator ServiceResult<T>(T value) => new(value, []);

    public static implicit operator ServiceResult<T>(ServiceError error) => new(default, [error]);

    public static ServiceResult<T> Fail(IReadOnlyList<ServiceError> errors) => new(default, errors);

    public ServiceResult<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? new(map(Value!), []) : new(default, Errors);
}

public static class ServiceResult
{
    /// <summary>A success, for values the implicit conversion cannot reach (interfaces such as IReadOnlyList).</summary>
    public static ServiceResult<T> Of<T>(T value) => new(value, []);
}
