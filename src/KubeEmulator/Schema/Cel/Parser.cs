namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// A recursive-descent parser for CEL's grammar (ternary, <c>||</c>, <c>&amp;&amp;</c>, relations,
/// additive, multiplicative, unary, member access, primaries), expanding the standard macros.
/// </summary>
internal sealed class Parser
{
    /// <summary>cel-go's parser recursion limit, which long operator chains also reach.</summary>
    private const int MaxDepth = 250;

    private const string ExpressionStart =
        "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";

    private static readonly HashSet<string> ReservedIdentifiers = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    private readonly List<Token> _tokens;
    private int _pos;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses an expression; throws <see cref="CelSyntaxException"/> on the first syntax error.</summary>
    public static Expr Parse(string source)
    {
        var parser = new Parser(new Lexer(source).Tokenize());
        var expr = parser.ParseExpr();
        if (parser.Peek.Kind != TokenKind.Eof)
        {
            throw new CelSyntaxException($"Syntax error: mismatched input '{parser.Peek.Text}' expecting <EOF>", parser.Peek.Offset);
        }

        return expr;
    }

    private Token Peek => _tokens[_pos];

    private Token PeekAt(int ahead) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_pos++];

    private bool Accept(TokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind, string text)
    {
        if (Peek.Kind != kind)
        {
            throw new CelSyntaxException($"Syntax error: missing '{text}' at '{Peek.Text}'", Peek.Offset);
        }

        return Advance();
    }

    private Expr ParseExpr()
    {
        Enter();

        try
        {
            var condition = ParseOr();
            if (Peek.Kind != TokenKind.Question)
            {
                return condition;
            }

            var op = Advance();
            var whenTrue = ParseOr();
            Expect(TokenKind.Colon, ":");
            var whenFalse = ParseExpr();
            return new CallExpr(op.Offset, "_?_:_", null, [condition, whenTrue, whenFalse]);
        }
        finally
        {
            _depth--;
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelSyntaxException("max recursion depth exceeded", Peek.Offset);
        }
    }

    /// <summary>Counts a link of a left-associative operator chain against the recursion limit.</summary>
    private static void CheckChain(ref int links, Token op)
    {
        if (++links > MaxDepth)
        {
            throw new CelSyntaxException("max recursion depth exceeded", op.Offset);
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        var links = 0;
        while (Peek.Kind == TokenKind.Or)
        {
            var op = Advance();
            CheckChain(ref links, op);
            left = new CallExpr(op.Offset, "_||_", null, [left, ParseAnd()]);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelation();
        var links = 0;
        while (Peek.Kind == TokenKind.And)
        {
            var op = Advance();
            CheckChain(ref links, op);
            left = new CallExpr(op.Offset, "_&&_", null, [left, ParseRelation()]);
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var left = ParseAdditive();
        var links = 0;
        while (true)
        {
            var function = Peek.Kind switch
            {
                TokenKind.Less => "_<_",
                TokenKind.LessEqual => "_<=_",
                TokenKind.Greater => "_>_",
                TokenKind.GreaterEqual => "_>=_",
                TokenKind.Equal => "_==_",
                TokenKind.NotEqual => "_!=_",
                TokenKind.In => "@in",
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            var op = Advance();
            CheckChain(ref links, op);
            left = new CallExpr(op.Offset, function, null, [left, ParseAdditive()]);
        }
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        var links = 0;
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            CheckChain(ref links, op);
            left = new CallExpr(op.Offset, op.Kind == TokenKind.Plus ? "_+_" : "_-_", null, [left, ParseMultiplicative()]);
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        var links = 0;
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            CheckChain(ref links, op);
            var function = op.Kind switch
            {
                TokenKind.Star => "_*_",
                TokenKind.Slash => "_/_",
                _ => "_%_",
            };
            left = new CallExpr(op.Offset, function, null, [left, ParseUnary()]);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Peek.Kind == TokenKind.Not)
        {
            var ops = new List<Token>();
            while (Peek.Kind == TokenKind.Not)
            {
                ops.Add(Advance());
            }

            var operand = ParseMember();
            if (ops.Count % 2 == 0)
            {
                return operand;
            }

            return new CallExpr(ops[0].Offset, "!_", null, [operand]);
        }

        if (Peek.Kind == TokenKind.Minus)
        {
            // A sign directly before a number literal is part of the literal.
            if (PeekAt(1).Kind is TokenKind.Int or TokenKind.Double && PeekAt(2).Kind is not (TokenKind.Dot or TokenKind.LBracket))
            {
                var sign = Advance();
                return ParseMemberSuffix(NumberLiteral(Advance(), negative: true, sign.Offset));
            }

            var ops = new List<Token>();
            while (Peek.Kind == TokenKind.Minus)
            {
                ops.Add(Advance());
            }

            var operand = ParseMember();
            if (ops.Count % 2 == 0)
            {
                return operand;
            }

            return new CallExpr(ops[0].Offset, "-_", null, [operand]);
        }

        return ParseMember();
    }

    private Expr ParseMember() => ParseMemberSuffix(ParsePrimary());

    private Expr ParseMemberSuffix(Expr expr)
    {
        var links = 0;
        while (true)
        {
            if (Peek.Kind is TokenKind.Dot or TokenKind.LBracket)
            {
                CheckChain(ref links, Peek);
            }

            if (Peek.Kind == TokenKind.Dot)
            {
                var dot = Advance();
                var optional = Accept(TokenKind.Question);
                var name = Peek;
                if (name.Kind != TokenKind.Identifier)
                {
                    throw new CelSyntaxException($"Syntax error: no viable alternative at input '.{name.Text}'", name.Offset);
                }

                Advance();
                CheckReserved(name);
                if (!optional && Peek.Kind == TokenKind.LParen)
                {
                    var open = Advance();
                    var args = ParseArguments();
                    expr = ReceiverCall(open.Offset, name.Text, expr, args);
                }
                else
                {
                    expr = new SelectExpr(dot.Offset, expr, name.Text, false, optional);
                }
            }
            else if (Peek.Kind == TokenKind.LBracket)
            {
                var open = Advance();
                var optional = Accept(TokenKind.Question);
                var index = ParseExpr();
                Expect(TokenKind.RBracket, "]");
                expr = new CallExpr(open.Offset, optional ? "_[?_]" : "_[_]", null, [expr, index]);
            }
            else
            {
                return expr;
            }
        }
    }

    private List<Expr> ParseArguments()
    {
        var args = new List<Expr>();
        if (Accept(TokenKind.RParen))
        {
            return args;
        }

        while (true)
        {
            args.Add(ParseExpr());
            if (Accept(TokenKind.Comma))
            {
                continue;
            }

            Expect(TokenKind.RParen, ")");
            return args;
        }
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Int:
            case TokenKind.Double:
                Advance();
                return NumberLiteral(token, negative: false, token.Offset);
            case TokenKind.Uint:
                Advance();
                return new ConstExpr(token.Offset, new UintValue((ulong)token.Literal!));
            case TokenKind.String:
                Advance();
                return new ConstExpr(token.Offset, new StringValue((string)token.Literal!));
            case TokenKind.Bytes:
                Advance();
                return new ConstExpr(token.Offset, new BytesValue((byte[])token.Literal!));
            case TokenKind.True:
                Advance();
                return new ConstExpr(token.Offset, BoolValue.True);
            case TokenKind.False:
                Advance();
                return new ConstExpr(token.Offset, BoolValue.False);
            case TokenKind.Null:
                Advance();
                return new ConstExpr(token.Offset, NullValue.Instance);
            case TokenKind.LParen:
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RParen, ")");
                return inner;
            case TokenKind.LBracket:
                return ParseList();
            case TokenKind.LBrace:
                return ParseMap();
            case TokenKind.Dot when PeekAt(1).Kind == TokenKind.Identifier:
                Advance();
                return ParseIdentifierOrCall();
            case TokenKind.Identifier:
                return ParseIdentifierOrCall();
            default:
                throw new CelSyntaxException($"Syntax error: mismatched input '{token.Text}' expecting {ExpressionStart}", token.Offset);
        }
    }

    private Expr ParseIdentifierOrCall()
    {
        var name = Advance();
        CheckReserved(name);
        if (Peek.Kind != TokenKind.LParen)
        {
            return new IdentExpr(name.Offset, name.Text);
        }

        var open = Advance();
        var args = ParseArguments();
        if (name.Text == "has" && args.Count == 1)
        {
            if (args[0] is SelectExpr { TestOnly: false, Optional: false } select)
            {
                return new SelectExpr(select.Offset, select.Operand, select.Field, true, false);
            }

            throw new CelSyntaxException("invalid argument to has() macro", args[0].Offset);
        }

        // cel-go locates calls at their opening parenthesis.
        return new CallExpr(open.Offset, name.Text, null, args);
    }

    private static Expr ReceiverCall(int offset, string name, Expr target, List<Expr> args)
    {
        var kind = (name, args.Count) switch
        {
            ("all", 2) => MacroKind.All,
            ("exists", 2) => MacroKind.Exists,
            ("exists_one", 2) => MacroKind.ExistsOne,
            ("map", 2) => MacroKind.Map,
            ("map", 3) => MacroKind.MapFilter,
            ("filter", 2) => MacroKind.Filter,
            _ => (MacroKind?)null,
        };
        if (kind is not { } macro)
        {
            return new CallExpr(offset, name, target, args);
        }

        if (args[0] is not IdentExpr variable)
        {
            throw new CelSyntaxException("argument must be a simple name", args[0].Offset);
        }

        return macro switch
        {
            MacroKind.Map => new MacroExpr(offset, macro, target, variable.Name, null, args[1]),
            MacroKind.MapFilter => new MacroExpr(offset, macro, target, variable.Name, args[1], args[2]),
            _ => new MacroExpr(offset, macro, target, variable.Name, args[1], null),
        };
    }

    private ListExpr ParseList()
    {
        var open = Advance();
        var elements = new List<Expr>();
        var optional = new HashSet<int>();
        while (Peek.Kind != TokenKind.RBracket)
        {
            if (Accept(TokenKind.Question))
            {
                optional.Add(elements.Count);
            }

            elements.Add(ParseExpr());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBracket, "]");
        return new ListExpr(open.Offset, elements, optional);
    }

    private MapExpr ParseMap()
    {
        var open = Advance();
        var entries = new List<MapEntry>();
        while (Peek.Kind != TokenKind.RBrace)
        {
            var optional = Accept(TokenKind.Question);
            var key = ParseExpr();
            Expect(TokenKind.Colon, ":");
            var value = ParseExpr();
            entries.Add(new MapEntry(key, value, optional));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace, "}");
        return new MapExpr(open.Offset, entries);
    }

    private static ConstExpr NumberLiteral(Token token, bool negative, int offset)
    {
        if (token.Kind == TokenKind.Double)
        {
            var d = (double)token.Literal!;
            return new ConstExpr(offset, new DoubleValue(negative ? -d : d));
        }

        var magnitude = (ulong)token.Literal!;
        if (negative)
        {
            return magnitude <= 9223372036854775808UL
                ? new ConstExpr(offset, new IntValue(magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude))
                : throw new CelSyntaxException("invalid int literal", offset);
        }

        return magnitude <= long.MaxValue
            ? new ConstExpr(offset, new IntValue((long)magnitude))
            : throw new CelSyntaxException("invalid int literal", offset);
    }

    private static void CheckReserved(Token name)
    {
        if (ReservedIdentifiers.Contains(name.Text))
        {
            throw new CelSyntaxException($"reserved identifier: {name.Text}", name.Offset);
        }
    }
}
