namespace AdminPortal.Features.Import.Kinds;

/// <summary>The upsert of each progress record type; each uses the named parameters it needs.</summary>
internal static class ProgressSql
{
    public static string Upsert(ProgressRecordType type) => type switch
    {
        ProgressRecordType.Block => """
            INSERT INTO "BlockStates" ("LearnerId", "CourseId", "BlockKey", "Attempts", "Score", "MaxScore", "ModifiedUtc")
            VALUES (@learner, @course, @block, @attempts, @score, @max, @modified)
            ON CONFLICT ("LearnerId", "CourseId", "BlockKey") DO UPDATE SET "Attempts" = excluded."Attempts", "Score" = excluded."Score",
                "MaxScore" = excluded."MaxScore", "ModifiedUtc" = excluded."ModifiedUtc"
            WHERE "BlockStates"."Attempts" IS DISTINCT FROM excluded."Attempts" OR "BlockStates"."Score" IS DISTINCT FROM excluded."Score" OR "BlockStates"."MaxScore" IS DISTINCT FROM excluded."MaxScore"
                OR "BlockStates"."ModifiedUtc" IS DISTINCT FROM excluded."ModifiedUtc"
            """,
        ProgressRecordType.Completion => """
            INSERT INTO "BlockCompletions" ("LearnerId", "CourseId", "BlockKey", "Completion", "ModifiedUtc")
            VALUES (@learner, @course, @block, @value, @modified)
            ON CONFLICT ("LearnerId", "CourseId", "BlockKey") DO UPDATE SET "Completion" = excluded."Completion", "ModifiedUtc" = excluded."ModifiedUtc"
            WHERE "BlockCompletions"."Completion" IS DISTINCT FROM excluded."Completion" OR "BlockCompletions"."ModifiedUtc" IS DISTINCT FROM excluded."ModifiedUtc"
            """,
        ProgressRecordType.Grade => """
            INSERT INTO "CourseGrades" ("LearnerId", "CourseId", "Percent", "PassedAtUtc", "ModifiedUtc")
            VALUES (@learner, @course, @value, @passed, @modified)
            ON CONFLICT ("LearnerId", "CourseId") DO UPDATE SET "Percent" = excluded."Percent", "PassedAtUtc" = excluded."PassedAtUtc",
                "ModifiedUtc" = excluded."ModifiedUtc"
            WHERE "CourseGrades"."Percent" IS DISTINCT FROM excluded."Percent" OR "CourseGrades"."PassedAtUtc" IS DISTINCT FROM excluded."PassedAtUtc" OR "CourseGrades"."ModifiedUtc" IS DISTINCT FROM excluded."ModifiedUtc"
            """,
        _ => """
            INSERT INTO "Certificates" ("LearnerId", "CourseId", "Status", "CreatedUtc")
            VALUES (@learner, @course, @status, @modified)
            ON CONFLICT ("LearnerId", "CourseId") DO UPDATE SET "Status" = excluded."Status", "CreatedUtc" = excluded."CreatedUtc"
            WHERE "Certificates"."Status" IS DISTINCT FROM excluded."Status" OR "Certificates"."CreatedUtc" IS DISTINCT FROM excluded."CreatedUtc"
            """,
    };
}
