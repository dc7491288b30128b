namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>Shows a wait as it goes: a live line on a terminal, plain lines otherwise.</summary>
internal interface IWaitProgress
{
    /// <summary>Called on every change of the site and about once a second.</summary>
    void Show(WaitSnapshot snapshot);

    /// <summary>A remark that must not be overwritten (written to standard error).</summary>
    void Note(string text);

    /// <summary>The wait is over; leave the output ready for the final lines.</summary>
    void Finish();
}
