namespace AdminPortal.Domain.Learning;

/// <summary>A learner's state in one block of a course: attempts and score (the LMS's student module).</summary>
public sealed class BlockState
{
    private BlockState()
    {
    }

    public BlockState(int learnerId, int courseId, string blockKey)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        BlockKey = ProgressRules.ValidBlockKey(blockKey);
    }

    public long Id { get; private set; }
    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public string BlockKey { get; private set; } = "";
    public int Attempts { get; private set; }
    public double? Score { get; private set; }
    public double? MaxScore { get; private set; }
    public DateTime ModifiedUtc { get; private set; }

    public void Record(int attempts, double? score, double? maxScore, DateTime modifiedUtc)
    {
        if (attempts < 0)
        {
            throw new DomainException("Attempts are 0 or more.");
        }
        if (score < 0 || maxScore < 0 || score > maxScore)
        {
            throw new DomainException("A score is between 0 and the maximum score.");
        }
        (Attempts, Score, MaxScore, ModifiedUtc) = (attempts, score, maxScore, modifiedUtc);
    }
}

/// <summary>A learner's grade in a course; passed when the LMS recorded a passing date.</summary>
public sealed class CourseGrade
{
    private CourseGrade()
    {
    }

    public CourseGrade(int learnerId, int courseId)
    {
        LearnerId = learnerId;
        CourseId = courseId;
    }

    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public double Percent { get; private set; }
    public DateTime? PassedAtUtc { get; private set; }
    public DateTime ModifiedUtc { get; private set; }

    public bool IsPassing => PassedAtUtc is not null;

    public void Record(double percent, DateTime? passedAtUtc, DateTime modifiedUtc)
    {
        Percent = ProgressRules.ValidFraction(percent, "A grade");
        (PassedAtUtc, ModifiedUtc) = (passedAtUtc, modifiedUtc);
    }
}

/// <summary>How far a learner completed one block (0 to 1).</summary>
public sealed class BlockCompletion
{
    private BlockCompletion()
    {
    }

    public BlockCompletion(int learnerId, int courseId, string blockKey)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        BlockKey = ProgressRules.ValidBlockKey(blockKey);
    }

    public long Id { get; private set; }
    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public string BlockKey { get; private set; } = "";
    public double Completion { get; private set; }
    public DateTime ModifiedUtc { get; private set; }

    public void Record(double completion, DateTime modifiedUtc)
    {
        Completion = ProgressRules.ValidFraction(completion, "A completion");
        ModifiedUtc = modifiedUtc;
    }
}

/// <summary>A certificate the LMS issued (or is issuing) to a learner for a course.</summary>
public sealed class Certificate
{
    private Certificate()
    {
    }

    public Certificate(int learnerId, int courseId, string status, DateTime createdUtc)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        CreatedUtc = createdUtc;
        SetStatus(status);
    }

    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public string Status { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    public void SetStatus(string status)
    {
        status = status.Trim().ToLowerInvariant();
        Status = status.Length is > 0 and <= 32 ? status : throw new DomainException("A certificate status has 1 to 32 characters.");
    }
}

public static class ProgressRules
{
    public static string ValidBlockKey(string blockKey)
    {
        blockKey = blockKey.Trim();
        return blockKey.Length is > 0 and <= 255 ? blockKey : throw new DomainException("A block key has 1 to 255 characters.");
    }

    public static double ValidFraction(double value, string what) =>
        value is >= 0 and <= 1 ? value : throw new DomainException($"{what} is a fraction from 0 to 1, not {value}.");
}
