namespace EntryPoint.Core;

/// <summary>A value or a message for the operator; for expected failures, where an exception would mean a stack trace.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error ?? "";
        IsOk = error is null;
    }

    public bool IsOk { get; }
    public string Error { get; }
    public T Value => IsOk ? _value! : throw new InvalidOperationException("no value: " + Error);

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(string error) => new(default, error);
}
