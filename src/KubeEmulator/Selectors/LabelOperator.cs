namespace SiteMaintenance.Emulator.Selectors;

/// <summary>apimachinery's <c>selection.Operator</c> values a label requirement can carry.</summary>
internal enum LabelOperator
{
    In,
    NotIn,
    Equals,
    DoubleEquals,
    NotEquals,
    GreaterThan,
    LessThan,
    Exists,
    DoesNotExist,
}
