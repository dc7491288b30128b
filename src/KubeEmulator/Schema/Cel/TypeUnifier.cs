namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>Matching of argument types against overload parameters with type parameters (A, K, V).</summary>
internal static class TypeUnifier
{
    public static bool Unify(CelType param, CelType arg, Dictionary<string, CelType> bindings)
    {
        if (param.Kind == CelKind.TypeParam)
        {
            if (bindings.TryGetValue(param.Name, out var bound))
            {
                if (Join(bound, arg) is not { } joined)
                {
                    return false;
                }

                bindings[param.Name] = joined;
                return true;
            }

            bindings[param.Name] = arg;
            return true;
        }

        if (arg.Kind == CelKind.Dyn || param.Kind == CelKind.Dyn)
        {
            return true;
        }

        if (param.Kind != arg.Kind)
        {
            return false;
        }

        return param.Kind switch
        {
            CelKind.List or CelKind.Optional or CelKind.Type => Unify(param.Elem!, arg.Elem!, bindings),
            CelKind.Map => Unify(param.Key!, arg.Key!, bindings) && Unify(param.Elem!, arg.Elem!, bindings),
            CelKind.Opaque => string.Equals(param.Name, arg.Name, StringComparison.Ordinal),
            _ => true,
        };
    }

    /// <summary>The common type of two types, or null when they do not unify (dyn absorbs anything).</summary>
    public static CelType? Join(CelType a, CelType b)
    {
        if (a.Kind == CelKind.Dyn || b.Kind == CelKind.Dyn)
        {
            return CelType.Dyn;
        }

        if (a.Kind == CelKind.Null && b.Kind is CelKind.Object or CelKind.Null)
        {
            return b;
        }

        if (b.Kind == CelKind.Null && a.Kind == CelKind.Object)
        {
            return a;
        }

        if (a.Kind != b.Kind)
        {
            return null;
        }

        switch (a.Kind)
        {
            case CelKind.List:
                return Join(a.Elem!, b.Elem!) is { } elem ? (ReferenceEquals(elem, a.Elem) ? a : CelType.ListOf(elem)) : null;
            case CelKind.Optional:
                return Join(a.Elem!, b.Elem!) is { } inner ? CelType.OptionalOf(inner) : null;
            case CelKind.Map:
                return Join(a.Key!, b.Key!) is { } key && Join(a.Elem!, b.Elem!) is { } value
                    ? (ReferenceEquals(key, a.Key) && ReferenceEquals(value, a.Elem) ? a : CelType.MapOf(key, value))
                    : null;
            case CelKind.Type:
                return ReferenceEquals(a.Elem, b.Elem) || a.Elem!.Name == b.Elem!.Name ? a : CelType.TypeOf(CelType.Dyn);
            case CelKind.Opaque:
                return string.Equals(a.Name, b.Name, StringComparison.Ordinal) ? a : null;
            default:
                return a;
        }
    }

    public static CelType Substitute(CelType type, Dictionary<string, CelType> bindings) => type.Kind switch
    {
        CelKind.TypeParam => bindings.GetValueOrDefault(type.Name) ?? CelType.Dyn,
        CelKind.List => CelType.ListOf(Substitute(type.Elem!, bindings), type.Schema),
        CelKind.Map => CelType.MapOf(Substitute(type.Key!, bindings), Substitute(type.Elem!, bindings), type.Schema),
        CelKind.Optional => CelType.OptionalOf(Substitute(type.Elem!, bindings)),
        CelKind.Type => CelType.TypeOf(Substitute(type.Elem!, bindings)),
        _ => type,
    };

    public static bool SameType(CelType a, CelType b) =>
        a.Kind == b.Kind && a.Kind switch
        {
            CelKind.List or CelKind.Optional or CelKind.Type => SameType(a.Elem!, b.Elem!),
            CelKind.Map => SameType(a.Key!, b.Key!) && SameType(a.Elem!, b.Elem!),
            CelKind.Object => ReferenceEquals(a, b) || ReferenceEquals(a.Schema, b.Schema),
            CelKind.Opaque => string.Equals(a.Name, b.Name, StringComparison.Ordinal),
            _ => true,
        };
}
