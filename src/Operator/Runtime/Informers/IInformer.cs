namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>What the host needs of an informer whatever its kind: run it, wait for it, and ask how it is.</summary>
internal interface IInformer
{
    /// <summary>The kind it watches (for logs, readiness and metrics).</summary>
    string Name { get; }

    /// <summary>True once every first list was loaded.</summary>
    bool HasSynced { get; }

    InformerHealth Health { get; }

    /// <summary>Lists and watches until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the first lists were loaded.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
