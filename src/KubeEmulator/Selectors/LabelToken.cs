namespace SiteMaintenance.Emulator.Selectors;

/// <summary>The tokens of the label selector lexer (<c>labels.Token</c>).</summary>
internal enum LabelToken
{
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}

/// <summary>A token and the text it was scanned from.</summary>
internal readonly record struct ScannedItem(LabelToken Token, string Literal);
