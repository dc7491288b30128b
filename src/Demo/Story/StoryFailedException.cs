namespace SiteMaintenance.Demo.Story;

/// <summary>A step of the story did not happen as it should; the message says what and where to look.</summary>
internal sealed class StoryFailedException : Exception
{
    public StoryFailedException()
    {
    }

    public StoryFailedException(string message)
        : base(message)
    {
    }

    public StoryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
