namespace EntryPoint.Core.Launch;

/// <summary>Reads who we are, the image's users, limits, capabilities and devices. Never writes.</summary>
public interface ILaunchSource
{
    LaunchSnapshot Read(Settings settings);
}
