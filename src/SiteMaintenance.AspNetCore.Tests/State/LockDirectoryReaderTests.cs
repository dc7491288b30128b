using SiteMaintenance.AspNetCore.State;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.State;

public sealed class LockDirectoryReaderTests
{
    [Fact]
    public void Reads_plain_files()
    {
        using var files = new LockFiles();
        files.WritePlain(SiteState.Pending, "hello");

        LockDirectoryReader.TryRead(files.Directory, out var data, out _).Should().Be(LockReadStatus.Read);

        data.Should().Contain("state", "PENDING").And.Contain("message", "hello").And.ContainKey("pending");
    }

    [Fact]
    public void Reads_a_kubelet_volume_through_the_data_symlink()
    {
        using var files = new LockFiles();
        files.WriteLikeKubelet(LockFiles.Data(SiteState.Offline, "v1"));
        files.WriteLikeKubelet(LockFiles.Data(SiteState.Pending, "v2"));

        LockDirectoryReader.TryRead(files.Directory, out var data, out _).Should().Be(LockReadStatus.Read);

        data.Should().Contain("state", "PENDING").And.Contain("message", "v2").And.NotContainKey("offline");
        Directory.EnumerateDirectories(files.Directory, "..2026*").Should().HaveCount(1, "the writer removes old versions");
    }

    [Fact]
    public void A_missing_or_empty_directory_is_missing()
    {
        using var files = new LockFiles(create: false);
        LockDirectoryReader.TryRead(files.Directory, out _, out _).Should().Be(LockReadStatus.Missing);

        Directory.CreateDirectory(files.Directory);
        LockDirectoryReader.TryRead(files.Directory, out _, out _).Should().Be(LockReadStatus.Missing);
    }
}
