namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>One overload of a function: receiver style or global, parameter types (receiver first) and result.</summary>
internal sealed record Signature(bool Member, CelType[] Params, CelType Result);

/// <summary>
/// The functions the checker knows, with their overloads: the standard library, the string,
/// list, regex and set extensions the apiserver enables, timestamps, durations and optionals.
/// </summary>
internal static class Signatures
{
    private static readonly CelType Int = CelType.Int;
    private static readonly CelType Uint = CelType.Uint;
    private static readonly CelType Double = CelType.Double;
    private static readonly CelType String = CelType.String;
    private static readonly CelType Bytes = CelType.Bytes;
    private static readonly CelType Bool = CelType.Bool;
    private static readonly CelType Ts = CelType.Timestamp;
    private static readonly CelType Dur = CelType.Duration;
    private static readonly CelType A = CelType.A;
    private static readonly CelType K = CelType.K;
    private static readonly CelType V = CelType.V;
    private static readonly CelType ListA = CelType.ListOf(A);
    private static readonly CelType ListString = CelType.ListOf(String);
    private static readonly CelType MapKV = CelType.MapOf(K, V);

    public static readonly IReadOnlyDictionary<string, List<Signature>> All = Build();

    /// <summary>Names callable with a qualified identifier, e.g. <c>optional.of(x)</c>.</summary>
    public static bool IsQualified(string name) => name.Contains('.', StringComparison.Ordinal) && All.ContainsKey(name);

    private static Dictionary<string, List<Signature>> Build()
    {
        var d = new Dictionary<string, List<Signature>>(StringComparer.Ordinal);
        void Global(string name, CelType result, params CelType[] parameters) => Add(d, name, new Signature(false, parameters, result));
        void Member(string name, CelType result, params CelType[] parameters) => Add(d, name, new Signature(true, parameters, result));

        Global("!_", Bool, Bool);
        Global("-_", Int, Int);
        Global("-_", Double, Double);
        Global("_&&_", Bool, Bool, Bool);
        Global("_||_", Bool, Bool, Bool);
        Global("_?_:_", A, Bool, A, A);
        Global("_==_", Bool, A, A);
        Global("_!=_", Bool, A, A);

        CelType[] ordered = [Bool, Int, Uint, Double, String, Bytes, Ts, Dur];
        foreach (var op in new[] { "_<_", "_<=_", "_>_", "_>=_" })
        {
            foreach (var t in ordered)
            {
                Global(op, Bool, t, t);
            }

            // The apiserver enables cross-type numeric comparisons.
            CelType[] numbers = [Int, Uint, Double];
            foreach (var a in numbers)
            {
                foreach (var b in numbers.Where(b => b != a))
                {
                    Global(op, Bool, a, b);
                }
            }
        }

        foreach (var t in new[] { Int, Uint, Double, String, Bytes })
        {
            Global("_+_", t, t, t);
        }

        Global("_+_", ListA, ListA, ListA);
        Global("_+_", Dur, Dur, Dur);
        Global("_+_", Ts, Ts, Dur);
        Global("_+_", Ts, Dur, Ts);
        foreach (var t in new[] { Int, Uint, Double })
        {
            Global("_-_", t, t, t);
            Global("_*_", t, t, t);
            Global("_/_", t, t, t);
        }

        Global("_-_", Dur, Dur, Dur);
        Global("_-_", Dur, Ts, Ts);
        Global("_-_", Ts, Ts, Dur);
        Global("_%_", Int, Int, Int);
        Global("_%_", Uint, Uint, Uint);

        Global("_[_]", A, ListA, Int);
        Global("_[_]", V, MapKV, K);
        Global("_[?_]", CelType.OptionalOf(A), ListA, Int);
        Global("_[?_]", CelType.OptionalOf(V), MapKV, K);
        Global("@in", Bool, A, ListA);
        Global("@in", Bool, K, MapKV);

        foreach (var t in new[] { String, Bytes, ListA, MapKV })
        {
            Global("size", Int, t);
            Member("size", Int, t);
        }

        foreach (var t in new[] { Int, Uint, Double, String, Ts, Dur })
        {
            Global("int", Int, t);
        }

        foreach (var t in new[] { Int, Uint, Double, String })
        {
            Global("uint", Uint, t);
            Global("double", Double, t);
        }

        foreach (var t in new[] { Int, Uint, Double, Bool, String, Bytes, Ts, Dur })
        {
            Global("string", String, t);
        }

        Global("bytes", Bytes, Bytes);
        Global("bytes", Bytes, String);
        Global("bool", Bool, Bool);
        Global("bool", Bool, String);
        Global("duration", Dur, String);
        Global("duration", Dur, Dur);
        Global("timestamp", Ts, String);
        Global("timestamp", Ts, Ts);
        Global("timestamp", Ts, Int);
        Global("dyn", CelType.Dyn, A);
        Global("type", CelType.TypeOf(A), A);

        Global("matches", Bool, String, String);
        Member("matches", Bool, String, String);
        Member("contains", Bool, String, String);
        Member("startsWith", Bool, String, String);
        Member("endsWith", Bool, String, String);

        // Kubernetes' string extension library.
        Member("charAt", String, String, Int);
        Member("indexOf", Int, String, String);
        Member("indexOf", Int, String, String, Int);
        Member("lastIndexOf", Int, String, String);
        Member("lastIndexOf", Int, String, String, Int);
        Member("lowerAscii", String, String);
        Member("upperAscii", String, String);
        Member("replace", String, String, String, String);
        Member("replace", String, String, String, String, Int);
        Member("split", ListString, String, String);
        Member("split", ListString, String, String, Int);
        Member("substring", String, String, Int);
        Member("substring", String, String, Int, Int);
        Member("trim", String, String);
        Member("join", String, ListString);
        Member("join", String, ListString, String);
        Member("reverse", String, String);

        // Kubernetes' list and regex libraries.
        Member("isSorted", Bool, ListA);
        Member("sum", A, ListA);
        Member("min", A, ListA);
        Member("max", A, ListA);
        Member("indexOf", Int, ListA, A);
        Member("lastIndexOf", Int, ListA, A);
        Member("find", String, String, String);
        Member("findAll", ListString, String, String);
        Member("findAll", ListString, String, String, Int);

        Global("sets.contains", Bool, ListA, ListA);
        Global("sets.equivalent", Bool, ListA, ListA);
        Global("sets.intersects", Bool, ListA, ListA);

        foreach (var accessor in new[] { "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes", "getSeconds", "getMilliseconds" })
        {
            Member(accessor, Int, Ts);
            Member(accessor, Int, Ts, String);
        }

        foreach (var accessor in new[] { "getHours", "getMinutes", "getSeconds", "getMilliseconds" })
        {
            Member(accessor, Int, Dur);
        }

        // Kubernetes' URL library.
        var url = CelType.Url;
        Global("url", url, String);
        Global("isURL", Bool, String);
        Member("getScheme", String, url);
        Member("getHost", String, url);
        Member("getHostname", String, url);
        Member("getPort", String, url);
        Member("getEscapedPath", String, url);
        Member("getQuery", CelType.MapOf(String, ListString), url);

        // Kubernetes' quantity library.
        var quantity = CelType.Quantity;
        Global("quantity", quantity, String);
        Global("isQuantity", Bool, String);
        Member("sign", Int, quantity);
        Member("isInteger", Bool, quantity);
        Member("asInteger", Int, quantity);
        Member("asApproximateFloat", Double, quantity);
        Member("add", quantity, quantity, quantity);
        Member("add", quantity, quantity, Int);
        Member("sub", quantity, quantity, quantity);
        Member("sub", quantity, quantity, Int);
        Member("isLessThan", Bool, quantity, quantity);
        Member("isGreaterThan", Bool, quantity, quantity);
        Member("compareTo", Int, quantity, quantity);

        var optA = CelType.OptionalOf(A);
        Global("optional.of", optA, A);
        Global("optional.ofNonZeroValue", optA, A);
        Global("optional.none", CelType.OptionalOf(CelType.Dyn));
        Member("hasValue", Bool, optA);
        Member("value", A, optA);
        Member("orValue", A, optA, A);
        Member("or", optA, optA, optA);

        return d;
    }

    private static void Add(Dictionary<string, List<Signature>> d, string name, Signature signature)
    {
        if (!d.TryGetValue(name, out var list))
        {
            d[name] = list = [];
        }

        list.Add(signature);
    }
}
