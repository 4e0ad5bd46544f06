using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyBannerDismissals",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DismissedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyBannerDismissals", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInstallation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AnonymousSiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInstallation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GeneratedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CoursesOffered = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredLearners = table.Column<long>(type: "INTEGER", nullable: false),
                    Enrollments = table.Column<long>(type: "INTEGER", nullable: false),
                    LearnersWithPassingGrade = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    SendState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSendError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveySendAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseExcerpt = table.Column<string>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySendAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveySendAttempts_SurveyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SurveyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReports_CreatedUtc",
                table: "SurveyReports",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReports_SendState_SentUtc",
                table: "SurveyReports",
                columns: new[] { "SendState", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReports_State_GeneratedUtc",
                table: "SurveyReports",
                columns: new[] { "State", "GeneratedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveySendAttempts_ReportId_AtUtc",
                table: "SurveySendAttempts",
                columns: new[] { "ReportId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyBannerDismissals");

            migrationBuilder.DropTable(
                name: "SurveyInstallation");

            migrationBuilder.DropTable(
                name: "SurveySendAttempts");

            migrationBuilder.DropTable(
                name: "SurveyReports");
        }
    }
}
