using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>allOf, anyOf, oneOf and not, reported as kube-openapi's composite errors.</summary>
internal static partial class OpenApiValidator
{
    private static void ValidateCompositions(SchemaNode schema, JsonNode value, string path, List<OpenApiError> errors)
    {
        if (schema.AnyOf.Count > 0)
        {
            List<OpenApiError>? best = null;
            var succeeded = false;
            foreach (var branch in schema.AnyOf)
            {
                var result = Validate(branch, value, path);
                if (result.Count == 0)
                {
                    succeeded = true;
                    best = null;
                    break;
                }

                if (best is null || result.Count < best.Count)
                {
                    best = result;
                }
            }

            if (!succeeded)
            {
                errors.Add(Composite($"{GoQuote.Quote(path)} must validate at least one schema (anyOf)"));
            }

            if (best is not null)
            {
                Merge(errors, best);
            }
        }

        if (schema.OneOf.Count > 0)
        {
            List<OpenApiError>? best = null;
            var validated = 0;
            foreach (var branch in schema.OneOf)
            {
                var result = Validate(branch, value, path);
                if (result.Count == 0)
                {
                    validated++;
                    best = null;
                    continue;
                }

                if (validated == 0 && (best is null || result.Count < best.Count))
                {
                    best = result;
                }
            }

            if (validated != 1)
            {
                var additional = validated == 0 ? "Found none valid" : $"Found {validated.ToString(CultureInfo.InvariantCulture)} valid alternatives";
                errors.Add(Composite($"{GoQuote.Quote(path)} must validate one and only one schema (oneOf). {additional}"));
                if (best is not null)
                {
                    Merge(errors, best);
                }
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var validated = 0;
            foreach (var branch in schema.AllOf)
            {
                var result = Validate(branch, value, path);
                if (result.Count == 0)
                {
                    validated++;
                }

                Merge(errors, result);
            }

            if (validated != schema.AllOf.Count)
            {
                var additional = validated == 0 ? ". None validated" : string.Empty;
                errors.Add(Composite($"{GoQuote.Quote(path)} must validate all the schemas (allOf){additional}"));
            }
        }

        if (schema.Not is { } not && Validate(not, value, path).Count == 0)
        {
            errors.Add(Composite($"{GoQuote.Quote(path)} must not validate the schema (not)"));
        }
    }

    private static OpenApiError Composite(string message) => new(OpenApiErrorCode.Composite, string.Empty, message);
}
