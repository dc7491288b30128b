namespace SiteMaintenance.Emulator.Tests.Kubectl;

/// <summary>YAML manifests applied with kubectl.</summary>
internal static class Manifests
{
    public const string GadgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: gadgets
            singular: gadget
            kind: Gadget
            shortNames: [gd]
          versions:
            - name: v1
              served: true
              storage: true
              subresources:
                status: {}
              additionalPrinterColumns:
                - name: Mode
                  type: string
                  jsonPath: .spec.mode
                - name: Phase
                  type: string
                  jsonPath: .status.phase
                - name: Count
                  type: integer
                  jsonPath: .status.count
                - name: Age
                  type: date
                  jsonPath: .metadata.creationTimestamp
                - name: Message
                  type: string
                  priority: 1
                  jsonPath: .status.message
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        mode:
                          type: string
                          enum: [Online, Offline]
                          default: Online
                    status:
                      type: object
                      properties:
                        phase: {type: string}
                        count: {type: integer}
                        message: {type: string}
                        conditions:
                          type: array
                          items:
                            type: object
                            properties:
                              type: {type: string}
                              status: {type: string}
                              reason: {type: string}
                              message: {type: string}
                              lastTransitionTime: {type: string, format: date-time}
        """;

    public static string Gadget(string name, string mode) => $"""
        apiVersion: example.com/v1
        kind: Gadget
        metadata:
          name: {name}
        spec:
          mode: {mode}
        """;

    public static string Ingress(string redirect) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            nginx.ingress.kubernetes.io/temporal-redirect: "{redirect}"
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
                          number: 80
        """;
}
