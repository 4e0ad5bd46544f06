using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DailyMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CourseDailyMetrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CourseName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Site = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Enrollments = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    Completions = table.Column<long>(type: "INTEGER", nullable: false),
                    AverageProgress = table.Column<double>(type: "REAL", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseDailyMetrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SiteDailyMetrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ActiveLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    Courses = table.Column<long>(type: "INTEGER", nullable: false),
                    Enrollments = table.Column<long>(type: "INTEGER", nullable: false),
                    MonthlyActiveLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteDailyMetrics", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CourseDailyMetrics_Day_CourseId",
                table: "CourseDailyMetrics",
                columns: new[] { "Day", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseDailyMetrics_Site_Day",
                table: "CourseDailyMetrics",
                columns: new[] { "Site", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteDailyMetrics_Day_Site",
                table: "SiteDailyMetrics",
                columns: new[] { "Day", "Site" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteDailyMetrics_Site_Day",
                table: "SiteDailyMetrics",
                columns: new[] { "Site", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CourseDailyMetrics");

            migrationBuilder.DropTable(
                name: "SiteDailyMetrics");
        }
    }
}
