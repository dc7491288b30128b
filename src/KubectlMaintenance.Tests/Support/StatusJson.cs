using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>Builds <c>status</c> objects in the operator's shape (kstatus conditions with every required field).</summary>
internal static class StatusJson
{
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Condition(string type, bool status, string reason, string message = "", long? observedGeneration = null)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = Time(DateTimeOffset.UtcNow),
        };
        if (observedGeneration is { } g)
        {
            condition["observedGeneration"] = g;
        }

        return condition;
    }

    public static JsonObject Online(long generation) => new()
    {
        ["phase"] = "Online",
        ["observedGeneration"] = generation,
        ["activeSessions"] = 0,
        ["runningTasks"] = 0,
        ["pendingSince"] = null,
        ["offlineSince"] = null,
        ["drainDeadline"] = null,
        ["message"] = "Online",
        ["conditions"] = new JsonArray(
            Condition("Ready", true, "Online", "The site is online", generation),
            Condition("Reconciling", false, "Online", "", generation),
            Condition("Stalled", false, "Online", "", generation)),
    };

    public static JsonObject Pending(long generation, int sessions, int tasks, DateTimeOffset pendingSince, DateTimeOffset deadline, int unreachable = 0) => new()
    {
        ["phase"] = "Pending",
        ["observedGeneration"] = generation,
        ["activeSessions"] = sessions,
        ["runningTasks"] = tasks,
        ["unreachablePods"] = unreachable,
        ["pendingSince"] = Time(pendingSince),
        ["drainDeadline"] = Time(deadline),
        ["message"] = $"{sessions} active sessions, {tasks} running tasks; waiting",
        ["conditions"] = new JsonArray(
            Condition("Ready", false, "Draining", "Waiting for sessions and tasks", generation),
            Condition("Reconciling", true, "Draining", "Waiting for sessions and tasks", generation),
            Condition("Stalled", false, "Draining", "", generation)),
    };

    public static JsonObject Offline(long generation, DateTimeOffset since) => new()
    {
        ["phase"] = "Offline",
        ["observedGeneration"] = generation,
        ["activeSessions"] = 0,
        ["runningTasks"] = 0,
        ["offlineSince"] = Time(since),
        ["drainDeadline"] = null,
        ["message"] = "Offline: the Ingresses send every request to the maintenance page",
        ["conditions"] = new JsonArray(
            Condition("Ready", true, "Offline", "The site is offline", generation),
            Condition("Reconciling", false, "Offline", "", generation),
            Condition("Stalled", false, "Offline", "", generation)),
    };

    /// <summary>The drain timed out with onTimeout: Online: back Online, Stalled with DrainTimedOut.</summary>
    public static JsonObject GaveUp(long generation) => new()
    {
        ["phase"] = "Online",
        ["observedGeneration"] = generation,
        ["pendingSince"] = null,
        ["drainDeadline"] = null,
        ["message"] = "The drain timed out with 2 active sessions; back online (onTimeout: Online)",
        ["conditions"] = new JsonArray(
            Condition("Ready", false, "DrainTimedOut", "The drain timed out", generation),
            Condition("Reconciling", false, "DrainTimedOut", "", generation),
            Condition("Stalled", true, "DrainTimedOut", "The drain timed out with 2 active sessions; back online (onTimeout: Online)", generation)),
    };
}
