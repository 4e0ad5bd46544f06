-- The survey report's five counts on SQL Server: the statements of SurveyCounts.sql with bit comparisons. The portal
-- binds @now and @active_since.
-- count: courses offered
SELECT COUNT(*) FROM [Courses] c
WHERE c.[StartUtc] <= @now AND (c.[EndUtc] IS NULL OR c.[EndUtc] > @now)
  AND (SELECT COUNT(*) FROM [Enrollments] e WHERE e.[CourseId] = c.[Id]) > 5;
-- count: learners active in the last 4 weeks
SELECT COUNT(*) FROM [Learners] WHERE [LastLoginUtc] >= @active_since;
-- count: registered learners
SELECT COUNT(*) FROM [Learners] WHERE [IsActive] = 1;
-- count: active enrollments of learners who are not LMS staff
SELECT COUNT(*) FROM [Enrollments] e
WHERE e.[IsActive] = 1 AND e.[LearnerId] NOT IN (SELECT [Id] FROM [Learners] WHERE [IsStaff] = 1 OR [IsSuperuser] = 1);
-- count: learners with a passing grade
SELECT COUNT(DISTINCT [LearnerId]) FROM [CourseGrades] WHERE [PassedAtUtc] IS NOT NULL;
