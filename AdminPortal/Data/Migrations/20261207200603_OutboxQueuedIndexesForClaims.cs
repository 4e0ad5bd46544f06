using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxQueuedIndexesForClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages",
                columns: new[] { "NextAttemptUtc", "Id" },
                filter: "\"State\" = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_QueuedBySite",
                table: "OutboxMessages",
                columns: new[] { "SiteId", "NextAttemptUtc", "Id" },
                filter: "\"State\" = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_QueuedBySite",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Queued",
                table: "OutboxMessages",
                column: "NextAttemptUtc",
                filter: "\"State\" = 'Queued'");
        }
    }
}
