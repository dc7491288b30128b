using static SiteMaintenance.Emulator.Tests.Schema.CelHarness;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>Compile errors carry cel-go's issue text: location, message, source line and caret.</summary>
public sealed class CelCompileErrorTests
{
    private const string Object = """{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"}}}""";

    [Fact]
    public void An_undefined_field_points_at_the_selection()
    {
        CompileError("self.nme == 'x'", Object).Should().Be("ERROR: <input>:1:5: undefined field 'nme'\n | self.nme == 'x'\n | ....^");
    }

    [Fact]
    public void An_undeclared_identifier()
    {
        CompileError("other > 1", Object).Should().Be("ERROR: <input>:1:1: undeclared reference to 'other' (in container '')\n | other > 1\n | ^");
    }

    [Fact]
    public void Operands_of_different_types_have_no_overload()
    {
        CompileError("self.count + self.name", Object)
            .Should().Be("ERROR: <input>:1:12: found no matching overload for '_+_' applied to '(int, string)'\n | self.count + self.name\n | ...........^");
        CompileError("self.name.startsWith(1)", Object)
            .Should().StartWith("ERROR: <input>:1:21: found no matching overload for 'startsWith' applied to 'string.(int)'");
        CompileError("self.count == null", Object)
            .Should().StartWith("ERROR: <input>:1:12: found no matching overload for '_==_' applied to '(int, null_type)'");
    }

    [Fact]
    public void Field_selection_on_a_scalar()
    {
        CompileError("self.name.length > 1", Object).Should().StartWith("ERROR: <input>:1:10: type 'string' does not support field selection");
    }

    [Fact]
    public void Mixed_list_literals_are_rejected()
    {
        CompileError("[1, 'a'].size() == 2").Should().StartWith("ERROR: <input>:1:5: expected type 'int' but found 'string'");
    }

    [Theory]
    [InlineData("self.name ==", "ERROR: <input>:1:13: Syntax error: mismatched input '<EOF>' expecting")]
    [InlineData("(self.count > 1", "ERROR: <input>:1:16: Syntax error: missing ')' at '<EOF>'")]
    [InlineData("self.count > 1 1", "ERROR: <input>:1:16: Syntax error: mismatched input '1' expecting <EOF>")]
    [InlineData("self.count # 1", "ERROR: <input>:1:12: Syntax error: token recognition error at: '#'")]
    [InlineData("has(self)", "ERROR: <input>:1:5: invalid argument to has() macro")]
    [InlineData("[1].all(1, true)", "ERROR: <input>:1:9: argument must be a simple name")]
    [InlineData("self.var", "ERROR: <input>:1:6: reserved identifier: var")]
    public void Syntax_errors(string expression, string expectedPrefix)
    {
        CompileError(expression, Object).Should().StartWith(expectedPrefix);
    }

    [Fact]
    public void Several_errors_are_listed_in_source_order()
    {
        CompileError("a == b", Object).Should().Be(
            "ERROR: <input>:1:1: undeclared reference to 'a' (in container '')\n | a == b\n | ^\n" +
            "ERROR: <input>:1:6: undeclared reference to 'b' (in container '')\n | a == b\n | .....^");
    }

    [Fact]
    public void Very_deep_expressions_hit_the_recursion_limit()
    {
        CompileError(string.Join(" + ", Enumerable.Repeat("1", 300)) + " == 300").Should().Contain("max recursion depth exceeded");
        CompileError(new string('(', 300) + "1" + new string(')', 300) + " == 1").Should().Contain("max recursion depth exceeded");
        CompileError(string.Join(" + ", Enumerable.Repeat("1", 200)) + " == 200").Should().BeNull();
    }

    [Fact]
    public void Valid_expressions_compile()
    {
        CompileError("self.name.size() > 0 && self.count in [1, 2] && type(self.name) == string", Object).Should().BeNull();
        CompileError("sets.contains(['a'], [self.name]) && optional.of(self.count).hasValue()", Object).Should().BeNull();
    }
}
