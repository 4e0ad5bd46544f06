using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagingOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Schedules_StartUtc_Experience",
                table: "Schedules");

            migrationBuilder.DropIndex(
                name: "IX_Schedules_UpgradeDeadlineUtc",
                table: "Schedules");

            migrationBuilder.CreateTable(
                name: "MessageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Site = table.Column<string>(type: "TEXT", nullable: false),
                    App = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    Uuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    SendUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrimaryCourseKey = table.Column<string>(type: "TEXT", nullable: false),
                    CourseKeys = table.Column<string>(type: "TEXT", nullable: false),
                    CourseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteDomain = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RunDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SendUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", nullable: false),
                    DryRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverrideRecipient = table.Column<string>(type: "TEXT", nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BinsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Candidates = table.Column<int>(type: "INTEGER", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyQueued = table.Column<int>(type: "INTEGER", nullable: false),
                    Suppressed = table.Column<int>(type: "INTEGER", nullable: false),
                    NoHighlights = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    NotDelivered = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    ResolveMs = table.Column<long>(type: "INTEGER", nullable: false),
                    WriteMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliverMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteDomain = table.Column<string>(type: "TEXT", nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", nullable: false),
                    TargetDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: true),
                    LearnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Username = table.Column<string>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryCourseKey = table.Column<string>(type: "TEXT", nullable: false),
                    CourseKeys = table.Column<string>(type: "TEXT", nullable: false),
                    CourseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Uuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    SendUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_StartUtc_Experience_LearnerId",
                table: "Schedules",
                columns: new[] { "StartUtc", "Experience", "LearnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_UpgradeDeadlineUtc_LearnerId",
                table: "Schedules",
                columns: new[] { "UpgradeDeadlineUtc", "LearnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageEvents_Name_AtUtc",
                table: "MessageEvents",
                columns: new[] { "Name", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageEvents_OutboxMessageId",
                table: "MessageEvents",
                column: "OutboxMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageRuns_SiteId_Kind_StartedUtc",
                table: "MessageRuns",
                columns: new[] { "SiteId", "Kind", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Key",
                table: "OutboxMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LearnerId_CreatedUtc",
                table: "OutboxMessages",
                columns: new[] { "LearnerId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RunId",
                table: "OutboxMessages",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Uuid",
                table: "OutboxMessages",
                column: "Uuid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessageEvents");

            migrationBuilder.DropTable(
                name: "MessageRuns");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Schedules_StartUtc_Experience_LearnerId",
                table: "Schedules");

            migrationBuilder.DropIndex(
                name: "IX_Schedules_UpgradeDeadlineUtc_LearnerId",
                table: "Schedules");

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_StartUtc_Experience",
                table: "Schedules",
                columns: new[] { "StartUtc", "Experience" });

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_UpgradeDeadlineUtc",
                table: "Schedules",
                column: "UpgradeDeadlineUtc");
        }
    }
}
