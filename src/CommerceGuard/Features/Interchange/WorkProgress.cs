namespace CommerceGuard.Features.Interchange;

/// <summary>Told how far a long piece of work (reading a file, writing terms) has got.</summary>
public interface IWorkProgress
{
    /// <param name="stage">What is being done, such as "Reading" or "Writing".</param>
    /// <param name="done">How many records so far.</param>
    /// <param name="total">How many there will be, when that is known.</param>
    void Report(string stage, int done, int? total = null);
}
