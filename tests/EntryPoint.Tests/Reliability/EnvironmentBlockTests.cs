using System.Text;
using EntryPoint.Os.Exec;

namespace EntryPoint.Tests.Reliability;

public class EnvironmentBlockTests
{
    private static byte[] B(string s) => Encoding.Latin1.GetBytes(s);

    private static readonly byte[][] Raw =
    [
        B("ZED=1"), B("NOEQUALS"), B("DUP=one"), B("DUP=two"), B("RAW=\xff\xfe"), B("EMPTY="), B("HOME=/root"),
    ];

    private static KeyValuePair<string, string> Kv(string k, string v) => new(k, v);

    /// <summary>What .NET's dictionary holds for <see cref="Raw"/>.</summary>
    private static List<KeyValuePair<string, string>> DotNetView() =>
        [Kv("ZED", "1"), Kv("DUP", "one"), Kv("RAW", Encoding.UTF8.GetString([0xff, 0xfe])), Kv("EMPTY", ""), Kv("HOME", "/root")];

    [Fact]
    public void Unchanged_the_block_passes_byte_for_byte_in_order()
    {
        var merged = EnvironmentBlock.Merge(Raw, DotNetView());
        Assert.Equal(Raw.Select(Convert.ToHexString), merged.Select(Convert.ToHexString));
    }

    [Fact]
    public void A_changed_value_takes_its_place_a_removed_one_goes_and_a_new_one_is_appended()
    {
        var wanted = DotNetView();
        wanted[4] = Kv("HOME", "/home/node");
        wanted.RemoveAt(0);
        wanted.Add(Kv("NODE_OPTIONS", "--max-old-space-size=192"));

        var merged = EnvironmentBlock.Merge(Raw, wanted).Select(e => Encoding.Latin1.GetString(e)).ToList();

        Assert.Equal(["NOEQUALS", "DUP=one", "DUP=two", "RAW=\xff\xfe", "EMPTY=", "HOME=/home/node", "NODE_OPTIONS=--max-old-space-size=192"], merged);
    }

    [Fact]
    public void A_changed_duplicate_is_written_once()
    {
        var wanted = DotNetView();
        wanted[1] = Kv("DUP", "three");
        var merged = EnvironmentBlock.Merge(Raw, wanted).Select(e => Encoding.Latin1.GetString(e)).ToList();
        Assert.Equal(1, merged.Count(e => e.StartsWith("DUP=")));
        Assert.Equal(2, merged.IndexOf("DUP=three"));
    }

    [Fact]
    public void Without_proc_the_wanted_list_is_used_as_is()
    {
        var merged = EnvironmentBlock.Merge(null, [Kv("A", "1"), Kv("B", "")]);
        Assert.Equal(["A=1", "B="], merged.Select(e => Encoding.UTF8.GetString(e)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("A=1\0", 1)]
    [InlineData("A=1\0\0B\0", 2)]
    [InlineData("A=1", 1)]
    public void The_block_is_split_on_nul(string block, int count)
    {
        Assert.Equal(count, EnvironmentBlock.Split(Encoding.Latin1.GetBytes(block)).Count);
    }

    [SkippableFact]
    public void This_process_environment_is_read_from_proc()
    {
        var raw = EnvironmentBlock.ReadRaw();
        Skip.If(raw is null, "no /proc");
        Assert.Contains(raw!, e => Encoding.UTF8.GetString(e).StartsWith("PATH=", StringComparison.Ordinal));
    }
}
