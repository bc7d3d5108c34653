namespace CommerceGuard.Tests;

/// <summary>The repository the tests run from, for files beside the code (deploy/, demo/, artifacts/).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommerceGuard.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
