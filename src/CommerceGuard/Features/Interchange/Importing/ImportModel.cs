namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>What to do when an imported term's slug is one the glossary already has.</summary>
public enum OnConflict
{
    /// <summary>Save the imported text as a new revision of the existing term (nothing when it says the same).</summary>
    Update,

    /// <summary>Leave the existing term as it is.</summary>
    Skip,

    /// <summary>Refuse the whole import.</summary>
    Fail,
}

/// <summary>How an import runs. The command line's options and the back office's form fill this in.</summary>
public sealed record ImportOptions
{
    /// <summary>Report what would happen, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>draft</c> or <c>published</c> for every imported term; null keeps each record's own.</summary>
    public string? Status { get; init; }

    /// <summary>A category (by slug or name) every imported term joins.</summary>
    public string? Category { get; init; }

    public OnConflict OnConflict { get; init; } = OnConflict.Update;

    /// <summary>
    /// The one language imported, records in others skipped with a reason; null (the default)
    /// imports every language the site is offered in.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>
    /// Where links to pages that are not terms point, such as <c>https://www.healthcare.gov</c>:
    /// with it, "/page" becomes an absolute link there; without it, the link is dropped and its text kept.
    /// </summary>
    public string? LinkBase { get; init; }

    /// <summary>
    /// Related terms that neither the glossary nor the import has are kept, as terms not written
    /// yet (the editor allows them too); without this they reject their record, as they are
    /// usually a slug misspelt.
    /// </summary>
    public bool AllowUnwrittenRelated { get; init; }
}

/// <summary>One line of an import report: where, and what became of it or why.</summary>
public sealed record ImportLine(string File, int Line, string Message);

/// <summary>What an import did, or (in a dry run) would do.</summary>
public sealed class ImportReport
{
    public List<ImportLine> Created { get; } = [];

    /// <summary>Categories the source named and the glossary lacked.</summary>
    public int CategoriesCreated { get; set; }
    public List<ImportLine> Updated { get; } = [];
    public List<ImportLine> Unchanged { get; } = [];
    public List<ImportLine> Skipped { get; } = [];

    /// <summary>Records that cannot be imported. Any at all and nothing is written.</summary>
    public List<ImportLine> Rejected { get; } = [];

    /// <summary>Imported, but with something to look at: a link dropped, a category that does not exist.</summary>
    public List<ImportLine> Warnings { get; } = [];

    public bool DryRun { get; init; }

    /// <summary>How many records passed every check (when some are rejected, none of them is written).</summary>
    public int Acceptable { get; set; }

    public bool Succeeded => Rejected.Count == 0;

    /// <summary>Whether anything was written.</summary>
    public bool Written => Succeeded && !DryRun;
}
