using System.Runtime.InteropServices;
using System.Text;

namespace EntryPoint.Os.Native;

/// <summary>
/// execve(2) with arrays built by hand as UTF-8, NULL-terminated. Our own import: Mono.Posix's execve marshals
/// through its helper library. Returns only on failure, with errno.
/// </summary>
public static unsafe partial class Execve
{
    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static partial int ExecveNative(byte* path, byte** argv, byte** envp);

    /// <summary>With the environment as raw entries, so that bytes that are not UTF-8 pass unchanged.</summary>
    public static int Run(string path, IReadOnlyList<string> argv, IReadOnlyList<byte[]> envp)
    {
        // Allocated unmanaged and never freed: on success this process image is gone; on failure we exit.
        var pathBytes = ToNative(path);
        var args = ToNativeArray(argv);
        var env = ToNativeArray(envp);
        ExecveNative(pathBytes, args, env);
        return Marshal.GetLastPInvokeError();
    }

    private static byte* ToNative(string value) => ToNative(Encoding.UTF8.GetBytes(value));

    private static byte* ToNative(byte[] bytes)
    {
        var buffer = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        buffer[bytes.Length] = 0;
        return buffer;
    }

    private static byte** ToNativeArray(IReadOnlyList<string> values) => ToNativeArray(values.Select(Encoding.UTF8.GetBytes).ToList());

    private static byte** ToNativeArray(IReadOnlyList<byte[]> values)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = ToNative(values[i]);
        }

        array[values.Count] = null;
        return array;
    }
}
