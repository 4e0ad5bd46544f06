using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <summary>
    /// The global upgrade-deadline setting became the master switch. A schedule created while it was off could still get
    /// a deadline from an enabled org or course override; under the corrected rule it has none. The global setting's
    /// history says whether it was on when each schedule was created (no version yet: off).
    /// </summary>
    public partial class UpgradeDeadlineMasterSwitch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE Schedules SET UpgradeDeadlineUtc = NULL, ModifiedUtc = strftime('%Y-%m-%d %H:%M:%f', 'now')
                WHERE UpgradeDeadlineUtc IS NOT NULL
                  AND coalesce((SELECT json_extract(v.ValuesJson, '$.Enabled') FROM ConfigVersions AS v
                                WHERE v.Kind = 'GlobalDeadline' AND v.ChangedAtUtc <= Schedules.CreatedUtc
                                ORDER BY v.Version DESC LIMIT 1), 0) = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The deadlines the earlier rule gave are not kept: going back leaves these schedules without one.
        }
    }
}
