namespace AdminPortal.Features.Import.Kinds;

/// <summary>The upsert of each progress record type; each uses the named parameters it needs.</summary>
internal static class ProgressSql
{
    public static string Upsert(ProgressRecordType type) => type switch
    {
        ProgressRecordType.Block => """
            INSERT INTO BlockStates (LearnerId, CourseId, BlockKey, Attempts, Score, MaxScore, ModifiedUtc)
            VALUES (@learner, @course, @block, @attempts, @score, @max, @modified)
            ON CONFLICT (LearnerId, CourseId, BlockKey) DO UPDATE SET Attempts = excluded.Attempts, Score = excluded.Score,
                MaxScore = excluded.MaxScore, ModifiedUtc = excluded.ModifiedUtc
            WHERE Attempts IS NOT excluded.Attempts OR Score IS NOT excluded.Score OR MaxScore IS NOT excluded.MaxScore
                OR ModifiedUtc IS NOT excluded.ModifiedUtc
            """,
        ProgressRecordType.Completion => """
            INSERT INTO BlockCompletions (LearnerId, CourseId, BlockKey, Completion, ModifiedUtc)
            VALUES (@learner, @course, @block, @value, @modified)
            ON CONFLICT (LearnerId, CourseId, BlockKey) DO UPDATE SET Completion = excluded.Completion, ModifiedUtc = excluded.ModifiedUtc
            WHERE Completion IS NOT excluded.Completion OR ModifiedUtc IS NOT excluded.ModifiedUtc
            """,
        ProgressRecordType.Grade => """
            INSERT INTO CourseGrades (LearnerId, CourseId, Percent, PassedAtUtc, ModifiedUtc)
            VALUES (@learner, @course, @value, @passed, @modified)
            ON CONFLICT (LearnerId, CourseId) DO UPDATE SET Percent = excluded.Percent, PassedAtUtc = excluded.PassedAtUtc,
                ModifiedUtc = excluded.ModifiedUtc
            WHERE Percent IS NOT excluded.Percent OR PassedAtUtc IS NOT excluded.PassedAtUtc OR ModifiedUtc IS NOT excluded.ModifiedUtc
            """,
        _ => """
            INSERT INTO Certificates (LearnerId, CourseId, Status, CreatedUtc)
            VALUES (@learner, @course, @status, @modified)
            ON CONFLICT (LearnerId, CourseId) DO UPDATE SET Status = excluded.Status, CreatedUtc = excluded.CreatedUtc
            WHERE Status IS NOT excluded.Status OR CreatedUtc IS NOT excluded.CreatedUtc
            """,
    };
}
