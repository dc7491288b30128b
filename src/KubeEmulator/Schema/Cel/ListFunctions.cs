namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>The apiserver's list library (<c>isSorted</c>, <c>sum</c>, <c>min</c>, <c>max</c>, <c>indexOf</c>) and cel-go's sets extension.</summary>
internal static class ListFunctions
{
    public static CelValue Aggregate(string function, CelValue target)
    {
        if (target is not ListValue list)
        {
            return ErrorValue.NoSuchOverload;
        }

        var items = list.Items;
        foreach (var item in items)
        {
            if (item is ErrorValue)
            {
                return item;
            }
        }

        switch (function)
        {
            case "isSorted":
                for (var i = 1; i < items.Count; i++)
                {
                    if (Operators.Compare(items[i - 1], items[i]) is not { } c)
                    {
                        return ErrorValue.NoSuchOverload;
                    }

                    if (c > 0)
                    {
                        return BoolValue.False;
                    }
                }

                return BoolValue.True;
            case "sum":
                CelValue total = items.Count > 0 ? Zero(items[0]) : new IntValue(0);
                foreach (var item in items)
                {
                    total = Operators.Add(total, item);
                    if (total is ErrorValue)
                    {
                        return total;
                    }
                }

                return total;
            default:
                if (items.Count == 0)
                {
                    return new ErrorValue($"{function} called on empty list");
                }

                var best = items[0];
                for (var i = 1; i < items.Count; i++)
                {
                    if (Operators.Compare(items[i], best) is not { } c)
                    {
                        return ErrorValue.NoSuchOverload;
                    }

                    if ((function == "min" && c < 0) || (function == "max" && c > 0))
                    {
                        best = items[i];
                    }
                }

                return best;
        }
    }

    private static CelValue Zero(CelValue sample) => sample switch
    {
        UintValue => new UintValue(0),
        DoubleValue => new DoubleValue(0),
        DurationValue => new DurationValue(0),
        _ => new IntValue(0),
    };

    public static CelValue IndexOf(string function, CelValue[] args)
    {
        var list = (ListValue)args[0];
        if (args.Length != 2)
        {
            return ErrorValue.NoSuchOverload;
        }

        var indexes = Enumerable.Range(0, list.Items.Count);
        if (function == "lastIndexOf")
        {
            indexes = indexes.Reverse();
        }

        foreach (var i in indexes)
        {
            if (Operators.AreEqual(list.Items[i], args[1]))
            {
                return new IntValue(i);
            }
        }

        return new IntValue(-1);
    }

    public static CelValue Sets(string function, CelValue a, CelValue b)
    {
        if (a is not ListValue first || b is not ListValue second)
        {
            return ErrorValue.NoSuchOverload;
        }

        bool Contains(ListValue haystack, CelValue needle) => haystack.Items.Any(i => Operators.AreEqual(i, needle));

        return function switch
        {
            "sets.contains" => BoolValue.Of(second.Items.All(x => Contains(first, x))),
            "sets.equivalent" => BoolValue.Of(second.Items.All(x => Contains(first, x)) && first.Items.All(x => Contains(second, x))),
            _ => BoolValue.Of(second.Items.Any(x => Contains(first, x))),
        };
    }
}
