namespace SiteMaintenance.Operator.Domain;

/// <summary>The names the operator writes and reads on other objects: a protocol with the app, the user and GitOps tools.</summary>
internal static class WellKnown
{
    /// <summary>Label on CommandTask Leases and lock ConfigMaps: the SiteMaintenance (same namespace) they belong to.</summary>
    public const string SiteLabel = "sitemaintenance.io/site";

    /// <summary>The standard managed-by label and its value, on objects the operator creates.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "site-maintenance";

    /// <summary>The finalizer that restores Ingresses and the lock before a SiteMaintenance goes.</summary>
    public const string Finalizer = "sitemaintenance.io/finalizer";

    /// <summary>
    /// Annotation on a switched Ingress: a JSON object of the annotations the switch changed and
    /// their previous values (null: absent), so that the restore puts back exactly what was there.
    /// </summary>
    public const string SavedAnnotations = "sitemaintenance.io/saved-annotations";

    /// <summary>Annotation on a switched Ingress: the SiteMaintenance that switched it.</summary>
    public const string SwitchedBy = "sitemaintenance.io/switched-by";

    /// <summary>The field manager of every write, and the Events' reporting controller.</summary>
    public const string FieldManager = "site-maintenance-operator";

    public const string ReportingController = "sitemaintenance.io/operator";
}
