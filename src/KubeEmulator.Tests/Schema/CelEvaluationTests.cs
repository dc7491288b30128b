using static SiteMaintenance.Emulator.Tests.Schema.CelHarness;

namespace SiteMaintenance.Emulator.Tests.Schema;

public sealed class CelEvaluationTests
{
    [Theory]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("3 - 2 - 1 == 0")]
    [InlineData("8 / 4 / 2 == 1")]
    [InlineData("7 % 4 * 2 == 6")]
    [InlineData("-2 * 3 == -6")]
    [InlineData("- -2 == 2")]
    [InlineData("!false && true")]
    [InlineData("true || false && false")]
    [InlineData("!(true && false)")]
    [InlineData("1 < 2 == true")]
    [InlineData("'a' + 'b' in ['ab']")]
    [InlineData("(false ? 1 : true ? 2 : 3) == 2")]
    [InlineData("(true ? false : true) == false")]
    public void Operator_precedence_and_associativity(string expression)
    {
        Eval(expression).Should().Be(true);
    }

    [Theory]
    [InlineData("[1, 2,][1] == 2 && {'a': 1,}.a == 1")]
    [InlineData("1 in [1] && !(1 in [2]) && 'k' in {'k': 0}")]
    [InlineData("[[1, 2], [3]][0][1] == 2")]
    [InlineData("'x'.size() == 1 && size([]) == 0 && size({}) == 0")]
    [InlineData("[?optional.of(1), ?optional.none()] == [1]")]
    [InlineData("{?'a': optional.of(1), ?'b': optional.none()} == {'a': 1}")]
    [InlineData("// a comment\n true")]
    [InlineData("\"\"\"a\"b\"\"\" == 'a\"b'")]
    [InlineData("b'\\x41' == bytes('A')")]
    public void Syntax_forms(string expression)
    {
        Eval(expression).Should().Be(true);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x1F", 31L)]
    [InlineData("7u", 7UL)]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"tab\\tnew\\nline\"", "tab\tnew\nline")]
    [InlineData("r'\\d+'", "\\d+")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("'\\u00e9\\x41\\101'", "éAA")]
    [InlineData("null", null)]
    [InlineData("true", true)]
    public void Literals(string expression, object? expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Fact]
    public void Aggregate_literals_and_bytes()
    {
        Eval("[1, 2, 3]").Should().BeEquivalentTo(new object[] { 1L, 2L, 3L });
        Eval("{'a': 1, 'b': 2}['b']").Should().Be(2L);
        Eval("b'abc'").Should().BeEquivalentTo("abc"u8.ToArray());
        Eval("size(b'\\xff\\x00')").Should().Be(2L);
        Eval("{'a': 1}.a").Should().Be(1L);
        Eval("[[1], [2, 3]] == [[1], [2, 3]]").Should().Be(true);
    }

    [Theory]
    [InlineData("1 / 0 == 1 || true", true)]
    [InlineData("true || 1 / 0 == 1", true)]
    [InlineData("1 / 0 == 1 && false", false)]
    [InlineData("false && 1 / 0 == 1", false)]
    [InlineData("1 / 0 == 1 || false", "error: division by zero")]
    [InlineData("true && 1 / 0 == 1", "error: division by zero")]
    [InlineData("[0, -1].all(x, 1 / x > 0)", false)]
    [InlineData("[0, 1].all(x, 1 / x > 0)", "error: division by zero")]
    [InlineData("[0, 1].exists(x, 1 / x > 0)", true)]
    [InlineData("[0, -1].exists(x, 1 / x > 0)", "error: division by zero")]
    public void Errors_are_absorbed_by_a_decisive_operand(string expression, object expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("[1, 2, 3].all(x, x > 0)", true)]
    [InlineData("[1, 2, 3].exists(x, x > 2)", true)]
    [InlineData("[1, 2, 3].exists_one(x, x > 1)", false)]
    [InlineData("[1, 2, 3].exists_one(x, x > 2)", true)]
    [InlineData("{'a': 1, 'b': 2}.all(k, k.size() == 1)", true)]
    [InlineData("[].all(x, false)", true)]
    [InlineData("[].exists(x, true)", false)]
    public void Quantifier_macros(string expression, bool expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Fact]
    public void Map_and_filter_macros()
    {
        Eval("[1, 2, 3].map(x, x * 10)").Should().BeEquivalentTo(new object[] { 10L, 20L, 30L });
        Eval("[1, 2, 3].filter(x, x % 2 == 1)").Should().BeEquivalentTo(new object[] { 1L, 3L });
        Eval("[1, 2, 3].map(x, x > 1, x * 2)").Should().BeEquivalentTo(new object[] { 4L, 6L });
        Eval("{'a': 1, 'b': 2}.filter(k, k != 'a')").Should().BeEquivalentTo(new object[] { "b" });
        Eval("[[1, 2], [3]].map(l, l.all(x, x < 3))").Should().BeEquivalentTo(new object[] { true, false });
    }

    [Theory]
    [InlineData("'shop.example.com'.startsWith('shop')", true)]
    [InlineData("'shop.example.com'.endsWith('.com')", true)]
    [InlineData("'shop.example.com'.contains('example')", true)]
    [InlineData("'v1.2.3'.matches('^v[0-9]+\\\\.[0-9]+')", true)]
    [InlineData("'abc123'.matches('[0-9]')", true)]
    [InlineData("matches('abc', '^b')", false)]
    [InlineData("'ab\\n'.matches('^ab$')", false)]
    [InlineData("'MiXeD'.lowerAscii() == 'mixed'", true)]
    [InlineData("'MiXeD'.upperAscii() == 'MIXED'", true)]
    [InlineData("'  padded \\t'.trim() == 'padded'", true)]
    [InlineData("'a,b,,c'.split(',') == ['a', 'b', '', 'c']", true)]
    [InlineData("'a,b,c'.split(',', 2) == ['a', 'b,c']", true)]
    [InlineData("'héllo'.indexOf('l') == 2", true)]
    [InlineData("'hello'.lastIndexOf('l') == 3", true)]
    [InlineData("'hello'.indexOf('x') == -1", true)]
    [InlineData("'héllo'.substring(1, 3) == 'él'", true)]
    [InlineData("'hello'.substring(2) == 'llo'", true)]
    [InlineData("'aaa'.replace('a', 'b', 2) == 'bba'", true)]
    [InlineData("['a', 'b'].join('-') == 'a-b'", true)]
    [InlineData("['a', 'b'].join() == 'ab'", true)]
    [InlineData("'héllo'.size() == 5 && size('héllo') == 5", true)]
    [InlineData("'hello'.charAt(1) == 'e'", true)]
    [InlineData("'abc'.reverse() == 'cba'", true)]
    [InlineData("'abc' < 'abd' && 'b' > 'a'", true)]
    public void String_functions(string expression, bool expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("'hello'.substring(3, 1)", "error: invalid substring range. start: 3, end: 1")]
    [InlineData("'hello'.substring(9)", "error: index out of range: 9")]
    [InlineData("'x'.matches('(')", "error: error parsing regexp: ")]
    public void String_function_errors(string expression, string expectedPrefix)
    {
        Eval(expression).Should().BeOfType<string>().Which.Should().StartWith(expectedPrefix);
    }

    [Theory]
    [InlineData("int('42') == 42", true)]
    [InlineData("int(3.9) == 3", true)]
    [InlineData("uint(3) == 3u", true)]
    [InlineData("double(2) == 2.0", true)]
    [InlineData("string(1.5) == '1.5'", true)]
    [InlineData("string(1000000.0) == '1e+06'", true)]
    [InlineData("string(42) == '42'", true)]
    [InlineData("string(true) == 'true'", true)]
    [InlineData("bool('true')", true)]
    [InlineData("dyn(1) == 1.0 && dyn(1u) == 1", true)]
    [InlineData("1 < 1.5 && 2u > 1", true)]
    [InlineData("dyn(1) == dyn('1')", false)]
    [InlineData("type(1) == int && type('a') == string && type([]) == list && type(null) == null_type", true)]
    public void Conversions_and_numeric_comparisons(string expression, bool expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("int('x')", "error: strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData("9223372036854775807 + 1", "error: integer overflow")]
    [InlineData("0u - 1u", "error: unsigned integer overflow")]
    [InlineData("5 % 0", "error: modulus by zero")]
    [InlineData("[1][3]", "error: index out of bounds: 3")]
    [InlineData("{'a': 1}['b']", "error: no such key: b")]
    [InlineData("uint(-1)", "error: unsigned integer overflow")]
    [InlineData("duration('abc')", "error: time: invalid duration \"abc\"")]
    [InlineData("[].min()", "error: min called on empty list")]
    public void Runtime_errors_carry_cel_go_messages(string expression, string expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("duration('1h') > duration('30m')", true)]
    [InlineData("duration('1h30m') == duration('90m')", true)]
    [InlineData("duration('1.5h').getMinutes() == 90", true)]
    [InlineData("string(duration('90s')) == '90s'", true)]
    [InlineData("string(duration('1500ms')) == '1.5s'", true)]
    [InlineData("duration('1h') + duration('1m') == duration('61m')", true)]
    [InlineData("timestamp('2024-01-01T00:00:00Z') + duration('24h') == timestamp('2024-01-02T00:00:00Z')", true)]
    [InlineData("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T12:00:00Z') == duration('12h')", true)]
    [InlineData("timestamp('2024-03-10T10:20:30+02:00').getHours() == 8", true)]
    [InlineData("timestamp('2024-03-10T10:20:30Z').getMonth() == 2", true)]
    [InlineData("timestamp('2024-03-10T10:20:30Z').getDayOfWeek() == 0", true)]
    [InlineData("timestamp('2024-03-10T23:30:00Z').getDate('+02:00') == 11", true)]
    [InlineData("string(timestamp('2024-01-01T00:00:00.500Z')) == '2024-01-01T00:00:00.5Z'", true)]
    [InlineData("int(timestamp('1970-01-01T00:01:00Z')) == 60", true)]
    [InlineData("timestamp('2024-01-01T00:00:00Z') < timestamp('2024-01-01T00:00:01Z')", true)]
    public void Durations_and_timestamps(string expression, bool expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("[3, 1, 2].max() == 3 && [3, 1, 2].min() == 1", true)]
    [InlineData("[1, 2, 3].sum() == 6 && [1.5, 2.5].sum() == 4.0", true)]
    [InlineData("[1, 2, 2].isSorted() && !['b', 'a'].isSorted()", true)]
    [InlineData("[1, 2, 1].indexOf(1) == 0 && [1, 2, 1].lastIndexOf(1) == 2", true)]
    [InlineData("'a1b22'.find('[0-9]+') == '1' && 'a1b22'.findAll('[0-9]+') == ['1', '22']", true)]
    [InlineData("sets.contains([1, 2, 3], [2, 3]) && !sets.intersects([1], [2]) && sets.equivalent([1, 1, 2], [2, 1])", true)]
    [InlineData("optional.of(1).hasValue() && !optional.none().hasValue() && optional.none().orValue(5) == 5", true)]
    [InlineData("{'a': 1}[?'a'].value() == 1 && !{'a': 1}[?'b'].hasValue()", true)]
    [InlineData("[1, 2][?5].orValue(9) == 9", true)]
    public void Library_functions(string expression, bool expected)
    {
        Eval(expression).Should().Be(expected);
    }

    [Fact]
    public void Self_fields_and_has()
    {
        const string schema = """
            {"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"},
             "tags":{"type":"array","items":{"type":"string"}},"labels":{"type":"object","additionalProperties":{"type":"string"}},
             "namespace":{"type":"string"},"x-dash":{"type":"string"}}}
            """;
        const string self = """{"name":"shop","count":2,"tags":["a","b"],"labels":{"app":"web"},"namespace":"ns","x-dash":"d"}""";

        Eval("self.name == 'shop' && self.count == 2 && self.tags[1] == 'b' && self.labels.app == 'web'", schema, self).Should().Be(true);
        Eval("has(self.count) && 'app' in self.labels && !('db' in self.labels)", schema, self).Should().Be(true);
        Eval("self.__namespace__ == 'ns' && self.x__dash__dash == 'd'", schema, self).Should().Be(true);
        Eval("type(self) == map && type(self.tags) == list", schema, self).Should().Be(true);
        Eval("self.?name.orValue('none') == 'shop'", schema, """{"count":1}""").Should().Be(false);
        Eval("self.name", schema, """{"count":1}""").Should().Be("error: no such key: name");
        Eval("has(self.name)", schema, """{"count":1}""").Should().Be(false);
    }

    [Fact]
    public void Sets_and_map_lists_compare_without_order()
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},"b":{"type":"array","items":{"type":"string"}}}}""";

        Eval("self.a == ['y', 'x']", schema, """{"a":["x","y"]}""").Should().Be(true);
        Eval("self.b == ['y', 'x']", schema, """{"b":["x","y"]}""").Should().Be(false);
    }

    [Fact]
    public void Int_or_string_is_dynamic()
    {
        const string schema = """{"x-kubernetes-int-or-string":true}""";
        const string rule = "type(self) == string ? self.matches('^[0-9]+%$') : self <= 100";

        Eval(rule, schema, "\"50%\"").Should().Be(true);
        Eval(rule, schema, "150").Should().Be(false);
        Eval("self > 5", schema, "\"x\"").Should().Be("error: no such overload");
    }

    [Fact]
    public void Formatted_strings_are_durations_timestamps_and_bytes()
    {
        const string schema = """{"type":"object","properties":{"timeout":{"type":"string","format":"duration"},"at":{"type":"string","format":"date-time"},"day":{"type":"string","format":"date"},"blob":{"type":"string","format":"byte"}}}""";
        const string self = """{"timeout":"2h","at":"2024-05-01T10:00:00Z","day":"2024-05-01","blob":"aGk="}""";

        Eval("self.timeout <= duration('24h') && duration(self.timeout) == duration('120m')", schema, self).Should().Be(true);
        Eval("self.at - self.day == duration('10h') && string(self.blob) == 'hi'", schema, self).Should().Be(true);
    }

    [Fact]
    public void A_null_nullable_field_counts_as_absent()
    {
        const string schema = """{"type":"object","properties":{"owner":{"type":"string","nullable":true},"tags":{"type":"array","items":{"type":"string","nullable":true}}}}""";

        Eval("!has(self.owner) && type(self.tags[0]) == null_type", schema, """{"owner":null,"tags":[null]}""").Should().Be(true);
        Eval("self.owner", schema, """{"owner":null}""").Should().Be("error: no such key: owner");
    }

    [Fact]
    public void Scala_style_durations_and_zoneless_date_times_convert()
    {
        const string schema = """{"type":"object","properties":{"d":{"type":"string","format":"duration"},"t":{"type":"string","format":"date-time"}}}""";

        Eval("self.d == duration('72h') && self.t == timestamp('2024-05-01T10:00:00Z')", schema, """{"d":"3 days","t":"2024-05-01T10:00:00"}""").Should().Be(true);
    }

    [Fact]
    public void Inferred_types()
    {
        TypeOf("[1, 2].map(x, string(x))").Should().Be("list(string)");
        TypeOf("{'a': [1]}").Should().Be("map(string, list(int))");
        TypeOf("true ? 1 : 2").Should().Be("int");
        TypeOf("dyn(1) + 1").Should().Be("int");
        TypeOf("optional.of('a')").Should().Be("optional_type(string)");
    }
}
