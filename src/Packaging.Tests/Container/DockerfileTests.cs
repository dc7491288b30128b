using System.Text.RegularExpressions;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.Container;

/// <summary>
/// The Dockerfile and .dockerignore, read as text (no image can be built here): the shape the
/// official .NET container guidance gives for a NativeAOT app on a chiseled base.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] AotFlags = ["-p:PublishAot=true", "-p:KubeClientFlavor=Aot", "-r \"$rid\""];

    private static readonly string[] Excluded = [".git", "src/Operator/bin/Release/x.dll", "src/Operator/obj/project.assets.json", "src/Operator.Tests/Api", "TestResults", "docs"];

    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.Of("Dockerfile"));

    private static readonly List<(string Name, List<string> Lines)> Stages = SplitStages();

    [Fact]
    public void It_builds_with_the_aot_sdk_and_runs_on_chiseled_runtime_deps()
    {
        Stages.Select(s => s.Name).Should().Equal("build", "final");
        Stages[0].Lines[0].Should().Be("FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble-aot AS build");
        Stages[1].Lines[0].Should().Be("FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled AS final");
        Lines.Should().Contain("ARG DOTNET_VERSION=10.0");
    }

    [Fact]
    public void Restore_is_its_own_layer_before_the_sources_are_copied()
    {
        var build = Stages[0].Lines;
        var restore = build.FindIndex(l => l.Contains("dotnet restore", StringComparison.Ordinal));
        var sources = build.FindIndex(l => l.StartsWith("COPY --link src/Operator/ ", StringComparison.Ordinal));
        var publish = build.FindIndex(l => l.Contains("dotnet publish", StringComparison.Ordinal));

        restore.Should().BePositive();
        sources.Should().BeGreaterThan(restore);
        publish.Should().BeGreaterThan(sources);
        build.Take(restore).Where(l => l.StartsWith("COPY", StringComparison.Ordinal)).Should().OnlyContain(l => !l.EndsWith("src/Operator/ src/Operator/", StringComparison.Ordinal));
        build.Take(restore).Should().Contain(l => l.Contains("src/Operator/Operator.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Restore_and_publish_agree_on_native_aot_and_the_aot_client()
    {
        var text = string.Join('\n', Stages[0].Lines).Replace("\\\n", " ", StringComparison.Ordinal);
        var restore = text.Split('\n').Single(l => l.Contains("dotnet restore", StringComparison.Ordinal));
        var publish = text.Split('\n').Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));

        foreach (var flag in AotFlags)
        {
            restore.Should().Contain(flag);
            publish.Should().Contain(flag);
        }

        publish.Should().Contain("--no-restore").And.Contain("-c Release");
    }

    [Fact]
    public void The_final_image_runs_the_operator_as_the_non_root_app_user_and_runs_nothing_else()
    {
        var final = Stages[1].Lines;
        var assembly = Regex.Match(File.ReadAllText(RepositoryPaths.Of("src/Operator/Operator.csproj")), "<AssemblyName>(.+)</AssemblyName>").Groups[1].Value;

        final.Should().Contain("USER $APP_UID");
        final.Should().NotContain(l => l.StartsWith("RUN", StringComparison.Ordinal), "chiseled images have no shell, and no build tools belong here");
        final.Should().ContainSingle(l => l.StartsWith("COPY", StringComparison.Ordinal)).Which.Should().Contain("--from=build /app/");
        final.Last().Should().Be($"ENTRYPOINT [\"/app/{assembly}\"]");
    }

    [Fact]
    public void The_final_image_carries_the_oci_labels()
    {
        var labels = OciLabel().Matches(string.Join('\n', Stages[1].Lines)).Select(m => m.Groups[1].Value);

        labels.Should().Contain(["title", "description", "source", "licenses", "version", "revision", "created"]);
    }

    [Fact]
    public void Dockerignore_lets_in_exactly_what_the_dockerfile_copies()
    {
        var ignore = File.ReadAllLines(RepositoryPaths.Of(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var copied = Stages[0].Lines.Where(l => l.StartsWith("COPY --link ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l["COPY --link ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        copied.Should().Contain(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "src/Operator/Operator.csproj", "src/Operator/"]);
        foreach (var path in copied)
        {
            (File.Exists(RepositoryPaths.Of(path)) || Directory.Exists(RepositoryPaths.Of(path))).Should().BeTrue(path);
            Included(ignore, path.TrimEnd('/')).Should().BeTrue($"{path} is copied, so .dockerignore must let it in");
        }

        foreach (var path in Excluded)
        {
            Included(ignore, path).Should().BeFalse($"{path} must stay out of the build context");
        }
    }

    // .dockerignore as Docker reads it: the last pattern that matches a path (or one of its
    // parent directories) decides; "!" lets it back in; "**/" matches any depth.
    private static bool Included(List<string> patterns, string path)
    {
        var included = true;
        foreach (var raw in patterns)
        {
            var negated = raw.StartsWith('!');
            var pattern = (negated ? raw[1..] : raw).TrimEnd('/');
            var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "(/.*)?$");
            if (regex.IsMatch(path))
            {
                included = negated;
            }
        }

        return included;
    }

    private static List<(string Name, List<string> Lines)> SplitStages()
    {
        var stages = new List<(string, List<string>)>();
        foreach (var line in Lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith("FROM ", StringComparison.Ordinal))
            {
                stages.Add((line.Split(" AS ")[^1], []));
            }

            if (stages.Count > 0)
            {
                stages[^1].Item2.Add(line);
            }
        }

        return stages;
    }

    [GeneratedRegex(@"org\.opencontainers\.image\.([a-z]+)=")]
    private static partial Regex OciLabel();
}
