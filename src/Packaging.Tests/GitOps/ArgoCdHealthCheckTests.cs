using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Packaging.Tests.GitOps;

/// <summary>
/// The Argo CD health check in docs/gitops.md, run by a real Lua 5.1 interpreter (Argo CD
/// runs gopher-lua, a Lua 5.1) against SiteMaintenance objects in each state.
/// </summary>
public sealed partial class ArgoCdHealthCheckTests
{
    private const string Key = "resource.customizations.health.sitemaintenance.io_SiteMaintenance";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "new, no status yet", """{"metadata":{"generation":1},"spec":{"mode":"Online"}}""", "Progressing", "Waiting for the operator to observe the SiteMaintenance" },
        {
            "spec changed, not yet observed",
            """{"metadata":{"generation":3},"spec":{"mode":"Offline"},"status":{"observedGeneration":2,"phase":"Online","conditions":[{"type":"Ready","status":"True","reason":"Online","message":""}]}}""",
            "Progressing", "Waiting for the operator to observe generation 3"
        },
        {
            "online",
            """{"metadata":{"generation":1},"spec":{"mode":"Online"},"status":{"observedGeneration":1,"phase":"Online","conditions":[{"type":"Ready","status":"True","reason":"Online","message":"Online"},{"type":"Reconciling","status":"False","reason":"Online","message":""},{"type":"Stalled","status":"False","reason":"Online","message":""}]}}""",
            "Healthy", "Online"
        },
        {
            "pending: sessions draining",
            """{"metadata":{"generation":2},"spec":{"mode":"Offline"},"status":{"observedGeneration":2,"phase":"Pending","activeSessions":3,"runningTasks":1,"message":"3 active sessions, 1 running task; waiting (deadline 21:15Z)","conditions":[{"type":"Ready","status":"False","reason":"Draining","message":"waiting"},{"type":"Reconciling","status":"True","reason":"Draining","message":"waiting"},{"type":"Stalled","status":"False","reason":"Draining","message":""}]}}""",
            "Progressing", "3 active sessions, 1 running task; waiting (deadline 21:15Z)"
        },
        {
            "offline",
            """{"metadata":{"generation":2},"spec":{"mode":"Offline"},"status":{"observedGeneration":2,"phase":"Offline","message":"offline since 21:02Z","conditions":[{"type":"Ready","status":"True","reason":"Offline","message":""}]}}""",
            "Healthy", "Offline: offline since 21:02Z"
        },
        {
            "stalled on an invalid spec",
            """{"metadata":{"generation":4},"spec":{"mode":"Offline"},"status":{"observedGeneration":4,"phase":"Online","conditions":[{"type":"Ready","status":"False","reason":"IngressNotFound","message":"x"},{"type":"Stalled","status":"True","reason":"IngressNotFound","message":"ingress shop not found"}]}}""",
            "Degraded", "IngressNotFound: ingress shop not found"
        },
        {
            "not ready, nothing said",
            """{"metadata":{"generation":1},"spec":{"mode":"Offline"},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"False","reason":"Switching","message":"switching the ingresses"}]}}""",
            "Progressing", "switching the ingresses"
        },
        {
            "observed, no conditions",
            """{"metadata":{"generation":1},"spec":{"mode":"Offline"},"status":{"observedGeneration":1}}""",
            "Progressing", "Waiting for the site to reach Offline"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_health_check_maps_each_state(string state, string json, string status, string message)
    {
        var (actualStatus, actualMessage) = Run(JsonNode.Parse(json)!);

        actualStatus.Should().Be(status, state);
        actualMessage.Should().Be(message, state);
    }

    [Fact]
    public void The_snippet_is_an_argocd_cm_config_map()
    {
        var configMap = Snippet();

        ((string?)configMap["kind"]).Should().Be("ConfigMap");
        ((string?)configMap["metadata"]!["name"]).Should().Be("argocd-cm");
        configMap["data"]!.AsObject().Select(p => p.Key).Should().Equal(Key);
    }

    private static JsonObject Snippet()
    {
        var doc = File.ReadAllText(RepositoryPaths.Of("docs/gitops.md"));
        var block = YamlBlock().Matches(doc).Select(m => m.Groups[1].Value).Single(b => b.Contains(Key, StringComparison.Ordinal));
        return YamlDocuments.Objects(block).Single();
    }

    private static (string Status, string Message) Run(JsonNode obj)
    {
        var lua = (string)Snippet()["data"]![Key]!;
        var script = $"obj = {ToLua(obj)}\nlocal function health()\n{lua}\nend\nlocal hs = health()\nio.write(hs.status, \"\\n\", hs.message or \"\")\n";
        var path = Path.Combine(Path.GetTempPath(), $"health-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, script);
        try
        {
            var info = new ProcessStartInfo("lua5.1") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(path);
            Process process;
            try
            {
                process = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("lua5.1 is not installed: `apt-get install lua5.1` (CI installs it from .ci/apt-packages). " + e.Message, e);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEnd();
                var stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                process.ExitCode.Should().Be(0, stderr);
                var lines = stdout.Split('\n', 2);
                return (lines[0], lines.Length > 1 ? lines[1] : string.Empty);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A JSON value as a Lua table constructor: objects keyed by name, arrays from 1 (as Argo CD converts them).
    private static string ToLua(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"[{Quote(p.Key)}] = {ToLua(p.Value)}")) + "}",
        JsonArray array => "{" + string.Join(", ", array.Select(ToLua)) + "}",
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value when value.TryGetValue<string>(out var s) => Quote(s),
        _ => node.GetValue<double>().ToString(CultureInfo.InvariantCulture),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ when c < ' ' => $"\\{(int)c:D3}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
