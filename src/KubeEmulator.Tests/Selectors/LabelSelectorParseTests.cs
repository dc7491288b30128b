using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Selectors;

namespace SiteMaintenance.Emulator.Tests.Selectors;

public sealed class LabelSelectorParseTests
{
    private const string NameRegexHint =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string ValueRegexHint =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n")]
    public void Blank_selectors_select_everything(string? selector)
    {
        var parsed = LabelSelector.Parse(selector);

        parsed.IsEmpty.Should().BeTrue();
        parsed.Matches(null).Should().BeTrue();
    }

    [Theory]
    [InlineData("a=b", "a=b")]
    [InlineData("a==b", "a==b")]
    [InlineData("a!=b", "a!=b")]
    [InlineData(" a = b ", "a=b")]
    [InlineData("a", "a")]
    [InlineData("!a", "!a")]
    [InlineData("a=", "a=")]
    [InlineData("a>1", "a>1")]
    [InlineData("a<30", "a<30")]
    [InlineData("!in", "!in")]
    [InlineData("a in (b)", "a in (b)")]
    [InlineData("a\tin\t(c, b ,c)", "a in (b,c)")]
    [InlineData("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()")]
    [InlineData("a in (,)", "a in ()")]
    [InlineData("in in (in, notin)", "in in (in,notin)")]
    [InlineData("z=1,a=2,m", "a=2,m,z=1")]
    [InlineData("example.com/app=web,!example.com/legacy", "example.com/app=web,!example.com/legacy")]
    public void Valid_selectors_parse_to_their_canonical_form(string selector, string canonical)
    {
        var parsed = LabelSelector.Parse(selector);

        parsed.IsEmpty.Should().BeFalse();
        parsed.ToString().Should().Be(canonical);
    }

    [Theory]
    [InlineData("a in (", "unable to parse requirement: found '', expected: ',', ')' or identifier")]
    [InlineData("a in (b", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'")]
    [InlineData("a in b", "unable to parse requirement: found 'b' expected: '('")]
    [InlineData("a notin", "unable to parse requirement: found '' expected: '('")]
    [InlineData("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [InlineData("a in (,=)", "unable to parse requirement: found '=', expected: ',', or identifier")]
    [InlineData("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("a !b", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("a=(", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("!", "unable to parse requirement: found '', expected: identifier")]
    [InlineData("!=a", "found '!=', expected: !, identifier, or 'end of string'")]
    [InlineData("a=b c", "found 'c', expected: ',' or 'end of string'")]
    [InlineData("!a=b", "found '=', expected: ',' or 'end of string'")]
    [InlineData("a,", "found '', expected: identifier after ','")]
    [InlineData("a,,b", "found ',', expected: identifier after ','")]
    [InlineData("=a", "found '=', expected: !, identifier, or 'end of string'")]
    [InlineData(",a", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("a>b", "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer")]
    public void Syntax_errors_answer_400_with_the_apiserver_text(string selector, string message)
    {
        var act = () => LabelSelector.Parse(selector);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }

    [Fact]
    public void An_invalid_key_is_reported_with_the_nil_field_path()
    {
        var act = () => LabelSelector.Parse("app:monolith");

        act.Should().Throw<ApiException>().WithMessage(
            "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": name part " + NameRegexHint);
    }

    [Fact]
    public void An_invalid_key_prefix_is_reported_as_a_subdomain_error()
    {
        var act = () => LabelSelector.Parse("app.kubernetes_io/name=vault");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain must consist of " +
            "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
            @"(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    [Fact]
    public void A_key_with_two_slashes_is_not_a_qualified_name()
    {
        var act = () => LabelSelector.Parse("a/b/c=d");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name " + NameRegexHint +
            " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    }

    [Fact]
    public void An_empty_name_part_reports_both_rules_joined_by_semicolons()
    {
        var act = () => LabelSelector.Parse("example.com/");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: <nil>: Invalid value: \"example.com/\": name part must be non-empty; name part " + NameRegexHint);
    }

    [Fact]
    public void A_key_longer_than_63_characters_is_rejected()
    {
        var key = new string('k', 64);

        var act = () => LabelSelector.Parse(key);

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            $"unable to parse requirement: <nil>: Invalid value: \"{key}\": name part must be no more than 63 characters");
    }

    [Fact]
    public void An_invalid_value_is_reported_under_its_index_and_key()
    {
        var act = () => LabelSelector.Parse("tier in (web,-bad)");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: values[0][tier]: Invalid value: \"-bad\": " + ValueRegexHint);
    }

    [Fact]
    public void Several_invalid_values_are_aggregated_in_brackets()
    {
        var act = () => LabelSelector.Parse("tier in (-a,-b)");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: [values[0][tier]: Invalid value: \"-a\": " + ValueRegexHint +
            ", values[1][tier]: Invalid value: \"-b\": " + ValueRegexHint + "]");
    }

    [Fact]
    public void A_negative_bound_is_not_a_valid_label_value()
    {
        var act = () => LabelSelector.Parse("a<-3");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: values[0][a]: Invalid value: \"-3\": " + ValueRegexHint);
    }

    [Fact]
    public void A_non_integer_bound_that_is_also_an_invalid_value_reports_both()
    {
        var act = () => LabelSelector.Parse("a>x.");

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            "unable to parse requirement: [values[0]: Invalid value: \"x.\": for 'Gt', 'Lt' operators, the value must be an integer, " +
            "values[0][a]: Invalid value: \"x.\": " + ValueRegexHint + "]");
    }

    [Fact]
    public void A_value_longer_than_63_characters_is_rejected()
    {
        var value = new string('v', 64);

        var act = () => LabelSelector.Parse("a=" + value);

        act.Should().Throw<ApiException>().Which.Message.Should().Be(
            $"unable to parse requirement: values[0][a]: Invalid value: \"{value}\": must be no more than 63 characters");
    }

    [Fact]
    public void Control_characters_in_bad_keys_are_quoted_the_go_way()
    {
        var act = () => LabelSelector.Parse("a\u0001b");

        act.Should().Throw<ApiException>().Which.Message.Should().StartWith(
            "unable to parse requirement: <nil>: Invalid value: \"a\\x01b\": name part");
    }
}
