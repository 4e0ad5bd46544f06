-- The survey report's five counts, one aggregate each. The portal runs them with $now and $active_since (4 weeks
-- before) bound; to time them in the sqlite3 shell on the same file:
--   sqlite3 data/portal.db ".parameter set \$now \"'2026-12-02 00:00:00'\"" ".parameter set \$active_since \"'2026-11-04 00:00:00'\"" \
--     ".timer on" ".read AdminPortal/Features/SurveyReports/SurveyCounts.sql"
-- count: courses offered
SELECT COUNT(*) FROM Courses c
WHERE c.StartUtc <= $now AND (c.EndUtc IS NULL OR c.EndUtc > $now)
  AND (SELECT COUNT(*) FROM Enrollments e WHERE e.CourseId = c.Id) > 5;
-- count: learners active in the last 4 weeks
SELECT COUNT(*) FROM Learners WHERE LastLoginUtc >= $active_since;
-- count: registered learners
SELECT COUNT(*) FROM Learners WHERE IsActive;
-- count: active enrollments of learners who are not LMS staff
SELECT COUNT(*) FROM Enrollments e
WHERE e.IsActive AND e.LearnerId NOT IN (SELECT Id FROM Learners WHERE IsStaff OR IsSuperuser);
-- count: learners with a passing grade
SELECT COUNT(DISTINCT LearnerId) FROM CourseGrades WHERE PassedAtUtc IS NOT NULL;
