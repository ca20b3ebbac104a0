using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>The upstream block operators copy from the README is the file the several-instances test runs.</summary>
public class UpstreamFileTests
{
    [Fact]
    public async Task Readme_QuotesDeployNginxUpstreamConf_AsItIs()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Several instances", StringComparison.Ordinal)..];

        Assert.Contains("```nginx\n" + await File.ReadAllTextAsync(Nginx.UpstreamFile) + "```", section, StringComparison.Ordinal);
    }

    [Fact]
    public void UpstreamBlock_NamesEachInstance_InPlaceOfTheExampleServers()
    {
        var block = Nginx.UpstreamBlock(["http://127.0.0.1:41001", "http://127.0.0.1:41002"]);

        Assert.Contains("server 127.0.0.1:41001;", block, StringComparison.Ordinal);
        Assert.Contains("server 127.0.0.1:41002;", block, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:5000", block, StringComparison.Ordinal);
    }
}
