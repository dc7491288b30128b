namespace ShopApp.Shop;

/// <summary>The shop's (fixed) products.</summary>
internal static class Catalog
{
    public static IReadOnlyList<Product> Products { get; } =
    [
        new(1, "Espresso cup", 9.50m),
        new(2, "Coffee grinder", 89.00m),
        new(3, "Pour-over kettle", 45.00m),
    ];
}

/// <summary>One product.</summary>
internal sealed record Product(int Id, string Name, decimal Price);
