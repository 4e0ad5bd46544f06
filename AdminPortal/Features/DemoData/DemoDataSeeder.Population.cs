using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using Microsoft.Data.Sqlite;

namespace AdminPortal.Features.DemoData;

public sealed partial class DemoDataSeeder
{
    private (long Enrollments, long ProgressRows) SeedPopulation(
        DemoPopulation population, List<Course> courses, int count, BulkLoad load, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var connection = load.Connection;
        if (connection is SqliteConnection)
        {
            // Millions of rows land in random places of the indexes: a large page cache keeps them out of the disk.
            using var pragma = connection.CreateCommand();
            pragma.Transaction = load.Transaction;
            pragma.CommandText = "PRAGMA cache_size = -262144;";
            pragma.ExecuteNonQuery();
        }
        var learners = new BulkTable("Learners",
            "Id", "Username", "Email", "Name", "IsActive", "IsStaff", "IsSuperuser", "JoinedUtc", "LastLoginUtc", "Language");
        var enrollments = new BulkTable("Enrollments", "LearnerId", "CourseId", "Mode", "IsActive", "CreatedUtc");
        var grades = new BulkTable("CourseGrades", "LearnerId", "CourseId", "Percent", "PassedAtUtc", "ModifiedUtc");
        var certificates = new BulkTable("Certificates", "LearnerId", "CourseId", "Status", "CreatedUtc");
        var states = new BulkTable("BlockStates", "LearnerId", "CourseId", "BlockKey", "Attempts", "Score", "MaxScore", "ModifiedUtc");
        var completions = new BulkTable("BlockCompletions", "LearnerId", "CourseId", "BlockKey", "Completion", "ModifiedUtc");
        // In this order: each table's rows refer to rows of the ones before it.
        BulkTable[] all = [learners, enrollments, grades, certificates, states, completions];
        foreach (var learner in population.Generate(count))
        {
            learners.Add(learner.Id, learner.Username, learner.Email, learner.Name, learner.Active, learner.Staff, learner.Superuser,
                learner.Joined, learner.LastLogin, learner.Language);
            foreach (var e in learner.Enrollments)
            {
                var course = courses[e.CourseIndex];
                enrollments.Add(learner.Id, course.Id, e.Mode, e.Active, e.Created);
                if (e.Grade is { } grade)
                {
                    grades.Add(learner.Id, course.Id, grade, e.PassedAt, e.LastActivity);
                }
                if (e.PassedAt is { } passed)
                {
                    certificates.Add(learner.Id, course.Id, "downloadable", passed.AddDays(1));
                }
                for (var block = 1; block <= e.BlocksTouched; block++)
                {
                    var key = $"block-v1:{course.Org}+{course.Number}+{course.Run}+type@problem+block@p{block}";
                    states.Add(learner.Id, course.Id, key, block, block % 2 == 0 ? 1.0 : 0.5, 1.0, e.LastActivity);
                    completions.Add(learner.Id, course.Id, key, 1.0, e.LastActivity);
                }
            }
            if (learner.Id % LearnersPerWrite == 0)
            {
                Write(all, connection, load.Transaction);
            }
            if (learner.Id % LearnersPerCommit == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                load.Checkpoint();
                progress?.Report($"Learners: {learner.Id:N0} of {count:N0}.");
            }
        }
        Write(all, connection, load.Transaction);
        BulkTable.ContinueIdsAfterExplicitOnes(connection, load.Transaction, "Learners");
        return (enrollments.Rows, grades.Rows + certificates.Rows + states.Rows + completions.Rows);
    }

    private static void Write(BulkTable[] tables, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        foreach (var table in tables)
        {
            table.WriteTo(connection, transaction);
        }
    }
}
