-- The survey report's five counts on PostgreSQL: the statements of SurveyCounts.sql with quoted names. The portal binds
-- :'now' and :'active_since' as parameters; to time them in psql on the same database:
--   psql -d portal -v now="'2026-12-02 00:00:00+00'" -v active_since="'2026-11-04 00:00:00+00'" \
--     -c '\timing on' -f AdminPortal/Features/SurveyReports/SurveyCounts.PostgreSql.sql
-- count: courses offered
SELECT COUNT(*) FROM "Courses" c
WHERE c."StartUtc" <= :'now' AND (c."EndUtc" IS NULL OR c."EndUtc" > :'now')
  AND (SELECT COUNT(*) FROM "Enrollments" e WHERE e."CourseId" = c."Id") > 5;
-- count: learners active in the last 4 weeks
SELECT COUNT(*) FROM "Learners" WHERE "LastLoginUtc" >= :'active_since';
-- count: registered learners
SELECT COUNT(*) FROM "Learners" WHERE "IsActive";
-- count: active enrollments of learners who are not LMS staff
SELECT COUNT(*) FROM "Enrollments" e
WHERE e."IsActive" AND e."LearnerId" NOT IN (SELECT "Id" FROM "Learners" WHERE "IsStaff" OR "IsSuperuser");
-- count: learners with a passing grade
SELECT COUNT(DISTINCT "LearnerId") FROM "CourseGrades" WHERE "PassedAtUtc" IS NOT NULL;
