using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LearnerSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The learner search's prefix match: LIKE 'x%' on citext cannot use the column's own index; on lower(...) in the
            // C collation it can, in that order, so the first matches end the read (LearnerBrowser searches so on
            // PostgreSQL). EF's model cannot declare these.
            migrationBuilder.Sql("""CREATE INDEX "IX_Learners_Username_Prefix" ON "Learners" ((lower("Username") COLLATE "C"));""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Learners_Email_Prefix" ON "Learners" ((lower("Email") COLLATE "C"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Learners_Email_Prefix";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Learners_Username_Prefix";""");
        }
    }
}
