namespace SiteMaintenance.Emulator.Go;

/// <summary>
/// The Go type a JSON value has once the apiserver decodes it into unstructured content:
/// integers that fit become <c>int64</c>, every other number <c>float64</c>.
/// </summary>
internal enum GoKind
{
    Nil,
    Bool,
    Int,
    Float,
    String,
    Map,
    Slice,
}
