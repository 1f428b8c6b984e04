using EntryPoint.Core;

namespace EntryPoint.Tests.Linking;

public class LinkSpecParserTests
{
    [Theory]
    [InlineData("modules=/app/custom-modules:/app/modules/custom", "modules", "/app/custom-modules", "/app/modules/custom")]
    [InlineData("/srv/plugins:/app/plugins", "link1", "/srv/plugins", "/app/plugins")]
    [InlineData(" x = /a/b/ : /c//d/ ", "x", "/a/b", "/c/d")]
    public void A_link_is_read_with_an_optional_name(string text, string name, string source, string target)
    {
        var link = LinkSpecParser.ParseLink(text, 0);
        Assert.True(link.IsOk, link.Error);
        Assert.Equal((name, source, target), (link.Value.Name, link.Value.Source, link.Value.Target));
    }

    [Fact]
    public void The_default_links_know_what_the_app_looks_for()
    {
        Assert.Equal(["module.yaml"], LinkSpecParser.Defaults[0].Markers);
        Assert.Equal(["package.json", "index.js", "build/index.js"], LinkSpecParser.Defaults[1].Markers);
    }

    [Theory]
    [InlineData("/app/custom-modules", "no ':'")]
    [InlineData("relative:/app/x", "absolute")]
    [InlineData("/a:/a", "the same path")]
    [InlineData("/app/x/y:/app/x", "inside TARGET")]
    [InlineData("/app/x:/app/x/y", "inside SOURCE")]
    [InlineData("bad name=/a:/b", "name")]
    [InlineData("/:/b", "'/'")]
    public void A_malformed_link_is_refused_with_the_accepted_form(string text, string words)
    {
        var link = LinkSpecParser.ParseLink(text, 0);
        Assert.False(link.IsOk);
        Assert.Contains(words, link.Error);
        Assert.Contains(text.Trim(), link.Error);
    }

    [Theory]
    [InlineData("a=/s1:/t1", "a=/s2:/t2", "named 'a'")]
    [InlineData("a=/s1:/t", "b=/s2:/t", "overlapping")]
    [InlineData("a=/s1:/t", "b=/s2:/t/sub", "overlapping")]
    [InlineData("a=/s1:/t1", "b=/t1:/t2", "TARGET")]
    public void Two_links_that_collide_are_refused(string first, string second, string words)
    {
        var links = LinkSpecParser.ParseAll([first, second], []);
        Assert.False(links.IsOk);
        Assert.Contains(words, links.Error);
    }

    [Fact]
    public void A_marker_gives_a_custom_link_its_files()
    {
        var links = LinkSpecParser.ParseAll(["plugins=/srv/p:/app/p"], ["plugins=plugin.json|dist/index.js"]);
        Assert.True(links.IsOk, links.Error);
        Assert.Equal(["plugin.json", "dist/index.js"], links.Value[0].Markers);
    }

    [Theory]
    [InlineData("nosuch=x.json", "names link 'nosuch'")]
    [InlineData("plugins=", "not valid")]
    [InlineData("plugins=/abs", "not valid")]
    [InlineData("plugins=../up", "not valid")]
    public void A_bad_marker_is_refused(string marker, string words)
    {
        var links = LinkSpecParser.ParseAll(["plugins=/srv/p:/app/p"], [marker]);
        Assert.False(links.IsOk);
        Assert.Contains(words, links.Error);
    }
}
