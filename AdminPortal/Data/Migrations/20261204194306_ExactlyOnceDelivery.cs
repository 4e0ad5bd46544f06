using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExactlyOnceDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_State_NextAttemptUtc",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimedBy",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StartedByEmail",
                table: "MessageRuns",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "MessageRuns",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "OutboxBodies",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxBodies", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_OutboxBodies_OutboxMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ClaimedBy",
                table: "OutboxMessages",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages",
                column: "NextAttemptUtc",
                filter: "\"State\" = 'Queued'");

            // The bodies move to their own table, then their old columns go (SQLite's own DROP COLUMN: no table rebuild,
            // so it stays inside the migration's transaction).
            migrationBuilder.Sql("INSERT INTO OutboxBodies (MessageId, HtmlBody, TextBody) SELECT Id, HtmlBody, TextBody FROM OutboxMessages;");
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"HtmlBody\";");
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"TextBody\";");

            // Runs stored who started them as text (a record's ToString(), "command line", or a person's name): split it
            // into the starter, the email and the trigger. SET expressions read the row as it was.
            migrationBuilder.Sql("""
                UPDATE MessageRuns SET
                    "Trigger" = substr(StartedBy, instr(StartedBy, 'Trigger = ') + 10, length(StartedBy) - instr(StartedBy, 'Trigger = ') - 11),
                    StartedByEmail = CASE WHEN StartedBy LIKE 'JobStart { StartedBy = User,%' THEN
                        substr(StartedBy, instr(StartedBy, 'Email = ') + 8, instr(StartedBy, ', Trigger = ') - instr(StartedBy, 'Email = ') - 8) END,
                    StartedBy = CASE WHEN StartedBy LIKE 'JobStart { StartedBy = User,%' THEN 'User'
                        WHEN StartedBy LIKE 'JobStart { StartedBy = Cli,%' THEN 'Cli' ELSE 'Schedule' END
                WHERE StartedBy LIKE 'JobStart {%';
                UPDATE MessageRuns SET StartedBy = 'Cli', "Trigger" = CASE Kind WHEN 'RecurringNudge' THEN 'send-recurring-nudge'
                    WHEN 'UpgradeReminder' THEN 'send-upgrade-reminder' ELSE 'send-course-update' END
                WHERE StartedBy = 'command line';
                UPDATE MessageRuns SET StartedByEmail = StartedBy, StartedBy = 'User', "Trigger" = 'Run now'
                WHERE StartedBy NOT IN ('Schedule', 'User', 'Cli');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE OutboxMessages SET HtmlBody = b.HtmlBody, TextBody = b.TextBody FROM OutboxBodies AS b WHERE b.MessageId = OutboxMessages.Id;");

            migrationBuilder.DropTable(
                name: "OutboxBodies");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ClaimedBy",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "StartedByEmail",
                table: "MessageRuns");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "MessageRuns");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptUtc" });
        }
    }
}
