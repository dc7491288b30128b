using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>The cells of one row, and the row's <c>conditions</c> when the printer sets any.</summary>
internal sealed record PrintedRow(JsonArray Cells, JsonArray? Conditions = null);
