namespace SiteMaintenance.Demo.Cluster;

/// <summary>
/// The shop's Ingress, as its team wrote it: ingress-nginx, one host, and an annotation of
/// their own that the maintenance switch must leave alone.
/// </summary>
internal static class ShopIngress
{
    public const string Name = "shop";

    public const string UserAnnotation = "nginx.ingress.kubernetes.io/proxy-body-size";

    public const string RedirectAnnotation = "nginx.ingress.kubernetes.io/temporal-redirect";

    /// <summary>Prints the annotations one per line, sorted (kubectl's Go templates sort map keys).</summary>
    public const string AnnotationsTemplate = "go-template={{range $k, $v := .metadata.annotations}}{{$k}}: {{$v}}{{\"\\n\"}}{{end}}";

    public static string Manifest(int port) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {Name}
          annotations:
            {UserAnnotation}: "8m"
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: shop
                        port:
                          number: {port}

        """;
}
