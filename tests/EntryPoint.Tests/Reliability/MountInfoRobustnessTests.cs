using System.Text;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Tests.Reliability;

/// <summary>The mount table as real hosts write it, at its edges, and under many thousands of generated lines.</summary>
public class MountInfoRobustnessTests
{
    public const int GeneratedLines = 30_000;
    private const int Seed = 20_260_604;

    [Fact]
    public void A_deleted_host_directory_is_reported_and_still_named()
    {
        Assert.True(MountInfoParser.TryParseLine(@"94 77 254:0 /var/lib/docker/volumes/v1/_data//deleted /app/custom-mcp ro - ext4 /dev/vda rw", out var entry));
        Assert.True(entry.RootDeleted);
        Assert.Equal("volume v1", entry.Origin);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_and_a_line_over_4_kib_in_a_file_over_a_page_are_read()
    {
        using var tree = new TempTree();
        var path = tree.At("mountinfo");
        var text = new StringBuilder();
        text.Append("1 0 0:1 / / rw - ext4 /dev/root rw\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append($"{100 + i} 1 0:{i} /host/dir{i} /mnt/m{i} rw,relatime shared:{i} - ext4 /dev/vda rw,discard\n");
        }

        var longRoot = "/" + new string('x', 5000);
        text.Append($"400 1 0:99 {longRoot} /mnt/long ro - ext4 /dev/vda rw\n");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.ASCII.GetBytes("401 1 0:98 /caf"));
        bytes.AddRange([0xE9, 0xFF]); // Latin-1 'é' and a byte that is never UTF-8, raw as the kernel writes them
        bytes.AddRange(Encoding.ASCII.GetBytes(@" /mnt/\351t\303\251 ro - ext4 /dev/vda rw" + "\n"));
        bytes.AddRange(Encoding.ASCII.GetBytes("402 1 0:97 / /mnt/after rw - tmpfs tmpfs rw\n"));
        File.WriteAllBytes(path, bytes.ToArray());
        Assert.True(new FileInfo(path).Length > 4096 * 4);

        var table = MountInfoParser.Read(path);

        Assert.Null(table.ReadError);
        Assert.Equal(204, table.Entries.Count);
        Assert.Equal(longRoot, table.At("/mnt/long")!.Root);
        Assert.True(table.At("/mnt/long")!.ReadOnly);
        Assert.NotNull(table.At("/mnt/after"));
        Assert.Contains(table.Entries, e => e.Id == 401 && e.MountPoint.StartsWith("/mnt/") && e.MountPoint.EndsWith("té"));
    }

    [Fact]
    public void Of_stacked_mounts_the_one_on_top_decides_even_when_listed_first()
    {
        // 3 sits on 2 (its parent), though a move listed it before.
        var table = MountInfoParser.Parse("""
            1 0 0:1 / / rw - ext4 /dev/a rw
            3 2 0:3 /top /app/x ro - ext4 /dev/a rw
            2 1 0:2 /bottom /app/x rw - ext4 /dev/a rw
            """);

        Assert.Equal("/top", table.At("/app/x")!.Root);
        Assert.True(table.At("/app/x")!.ReadOnly);
    }

    [Fact]
    public void Many_thousands_of_random_and_mutated_lines_never_throw()
    {
        var random = new Random(Seed);
        var real = new[]
        {
            "94 77 254:0 /home/pi/systemprompt-custom/mods /app/custom-modules ro,relatime - ext4 /dev/vda rw,discard",
            "96 79 254:0 /var/lib/docker/volumes/mi_named/_data /app/custom-mcp rw,relatime master:3 - ext4 /dev/vda rw",
            @"40 1 0:5 /a\011b\012c\134d /mnt/x\040y rw shared:1 master:2 - tmpfs tmpfs rw",
            "42 1 0:7 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs;path=C:\\;uid=0 extra words",
            "41 1 0:6 / /mnt/empty rw - tmpfs  rw,size=1k",
            "94 77 254:0 /gone//deleted /app/custom-modules ro - ext4 /dev/vda rw",
        };
        const string alphabet = " -\\:/#0123456789abcdefrwo,=\t\n\r\0\u00e9\ufffd";
        var parsed = 0;

        for (var i = 0; i < GeneratedLines; i++)
        {
            string line;
            if (i % 4 == 0)
            {
                var length = random.Next(0, 200);
                var chars = new char[length];
                for (var c = 0; c < length; c++)
                {
                    chars[c] = random.Next(3) == 0 ? (char)random.Next(0, 0xD800) : alphabet[random.Next(alphabet.Length)];
                }

                line = new string(chars);
            }
            else
            {
                var chars = new StringBuilder(real[random.Next(real.Length)]);
                var mutations = random.Next(1, 6);
                for (var m = 0; m < mutations && chars.Length > 0; m++)
                {
                    var at = random.Next(chars.Length);
                    switch (random.Next(6))
                    {
                        case 0: chars.Remove(at, 1); break;
                        case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        case 2: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                        case 3: chars.Insert(at, "\\" + random.Next(0, 1000).ToString()); break;
                        case 4: chars.Length = at; break;
                        default: chars.Insert(at, " - "); break;
                    }
                }

                line = chars.ToString();
            }

            if (MountInfoParser.TryParseLine(line, out var entry))
            {
                parsed++;
                Assert.NotEmpty(entry.MountPoint);
                _ = (entry.ReadOnly, entry.RootDeleted, entry.VolumeName, entry.Origin);
            }

            _ = MountInfoParser.Unescape(line);
        }

        // Whole tables of the same, split on any newline in them.
        for (var t = 0; t < 200; t++)
        {
            var text = string.Join('\n', Enumerable.Range(0, 50).Select(_ =>
            {
                var line = real[random.Next(real.Length)];
                return line[..random.Next(line.Length / 2, line.Length + 1)];
            }));
            var table = MountInfoParser.Parse(text);
            _ = table.At("/app/custom-modules");
        }

        Assert.InRange(parsed, GeneratedLines / 10, GeneratedLines);
    }
}
