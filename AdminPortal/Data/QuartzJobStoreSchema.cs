using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data;

/// <summary>
/// Quartz.NET's persistent job store (the QRTZ_ tables), written from Quartz's documented SQLite schema
/// (database/tables/tables_sqlite.sql) as of 3.22, with the 3.17-3.19 columns MISFIRE_ORIG_FIRE_TIME, EXECUTION_GROUP
/// and PREFERRED_NODE(_AUTO) and the 3.20 index set. The Quartz package ships no scripts, so the schema lives here,
/// applied by the migration that introduced the jobs host.
/// </summary>
internal static class QuartzJobStoreSchema
{
    private static readonly string[] Tables =
    [
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_SIMPROP_TRIGGERS",
        "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS",
    ];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_JOB_DETAILS (
                SCHED_NAME        NVARCHAR(120) NOT NULL,
                JOB_NAME          NVARCHAR(150) NOT NULL,
                JOB_GROUP         NVARCHAR(150) NOT NULL,
                DESCRIPTION       NVARCHAR(250) NULL,
                JOB_CLASS_NAME    NVARCHAR(250) NOT NULL,
                IS_DURABLE        BIT NOT NULL,
                IS_NONCONCURRENT  BIT NOT NULL,
                IS_UPDATE_DATA    BIT NOT NULL,
                REQUESTS_RECOVERY BIT NOT NULL,
                JOB_DATA          BLOB NULL,
                PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
            );
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_TRIGGERS (
                SCHED_NAME             NVARCHAR(120) NOT NULL,
                TRIGGER_NAME           NVARCHAR(150) NOT NULL,
                TRIGGER_GROUP          NVARCHAR(150) NOT NULL,
                JOB_NAME               NVARCHAR(150) NOT NULL,
                JOB_GROUP              NVARCHAR(150) NOT NULL,
                DESCRIPTION            NVARCHAR(250) NULL,
                NEXT_FIRE_TIME         BIGINT NULL,
                PREV_FIRE_TIME         BIGINT NULL,
                PRIORITY               INTEGER NULL,
                TRIGGER_STATE          NVARCHAR(16) NOT NULL,
                TRIGGER_TYPE           NVARCHAR(8) NOT NULL,
                START_TIME             BIGINT NOT NULL,
                END_TIME               BIGINT NULL,
                CALENDAR_NAME          NVARCHAR(200) NULL,
                MISFIRE_INSTR          INTEGER NULL,
                MISFIRE_ORIG_FIRE_TIME INTEGER NULL,
                EXECUTION_GROUP        NVARCHAR(200) NULL,
                PREFERRED_NODE         NVARCHAR(200) NULL,
                PREFERRED_NODE_AUTO    BIT NOT NULL DEFAULT 0,
                JOB_DATA               BLOB NULL,
                PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
            );
            """);

        CreateTriggerDetailTable(migrationBuilder, "QRTZ_SIMPLE_TRIGGERS", """
            REPEAT_COUNT    BIGINT NOT NULL,
            REPEAT_INTERVAL BIGINT NOT NULL,
            TIMES_TRIGGERED BIGINT NOT NULL,
            """);

        CreateTriggerDetailTable(migrationBuilder, "QRTZ_SIMPROP_TRIGGERS", """
            STR_PROP_1   NVARCHAR(512) NULL,
            STR_PROP_2   NVARCHAR(512) NULL,
            STR_PROP_3   NVARCHAR(512) NULL,
            INT_PROP_1   INT NULL,
            INT_PROP_2   INT NULL,
            LONG_PROP_1  BIGINT NULL,
            LONG_PROP_2  BIGINT NULL,
            DEC_PROP_1   NUMERIC NULL,
            DEC_PROP_2   NUMERIC NULL,
            BOOL_PROP_1  BIT NULL,
            BOOL_PROP_2  BIT NULL,
            TIME_ZONE_ID NVARCHAR(80) NULL,
            """);

        CreateTriggerDetailTable(migrationBuilder, "QRTZ_CRON_TRIGGERS", """
            CRON_EXPRESSION NVARCHAR(250) NOT NULL,
            TIME_ZONE_ID    NVARCHAR(80),
            """);

        CreateTriggerDetailTable(migrationBuilder, "QRTZ_BLOB_TRIGGERS", """
            BLOB_DATA BLOB NULL,
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_CALENDARS (
                SCHED_NAME    NVARCHAR(120) NOT NULL,
                CALENDAR_NAME NVARCHAR(200) NOT NULL,
                CALENDAR      BLOB NOT NULL,
                PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
            );
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_PAUSED_TRIGGER_GRPS (
                SCHED_NAME    NVARCHAR(120) NOT NULL,
                TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
            );
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_FIRED_TRIGGERS (
                SCHED_NAME        NVARCHAR(120) NOT NULL,
                ENTRY_ID          NVARCHAR(140) NOT NULL,
                TRIGGER_NAME      NVARCHAR(150) NOT NULL,
                TRIGGER_GROUP     NVARCHAR(150) NOT NULL,
                INSTANCE_NAME     NVARCHAR(200) NOT NULL,
                FIRED_TIME        BIGINT NOT NULL,
                SCHED_TIME        BIGINT NOT NULL,
                PRIORITY          INTEGER NOT NULL,
                STATE             NVARCHAR(16) NOT NULL,
                JOB_NAME          NVARCHAR(150) NULL,
                JOB_GROUP         NVARCHAR(150) NULL,
                IS_NONCONCURRENT  BIT NULL,
                REQUESTS_RECOVERY BIT NULL,
                EXECUTION_GROUP   NVARCHAR(200) NULL,
                PRIMARY KEY (SCHED_NAME, ENTRY_ID)
            );
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_SCHEDULER_STATE (
                SCHED_NAME        NVARCHAR(120) NOT NULL,
                INSTANCE_NAME     NVARCHAR(200) NOT NULL,
                LAST_CHECKIN_TIME BIGINT NOT NULL,
                CHECKIN_INTERVAL  BIGINT NOT NULL,
                PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
            );
            """);

        migrationBuilder.Sql("""
            CREATE TABLE QRTZ_LOCKS (
                SCHED_NAME NVARCHAR(120) NOT NULL,
                LOCK_NAME  NVARCHAR(40) NOT NULL,
                PRIMARY KEY (SCHED_NAME, LOCK_NAME)
            );
            """);

        // Every Quartz statement filters on SCHED_NAME first, so every index leads with it.
        migrationBuilder.Sql("""
            CREATE INDEX IDX_QRTZ_J_REQ_RECOVERY ON QRTZ_JOB_DETAILS (SCHED_NAME, REQUESTS_RECOVERY);
            CREATE INDEX IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME);
            CREATE INDEX IDX_QRTZ_T_J ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
            CREATE INDEX IDX_QRTZ_T_C ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME);
            CREATE INDEX IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);
            CREATE INDEX IDX_QRTZ_T_NEXT_FIRE_TIME ON QRTZ_TRIGGERS (SCHED_NAME, NEXT_FIRE_TIME);
            CREATE INDEX IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME);
            CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
            CREATE INDEX IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
            CREATE INDEX IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        // Dropping a table drops its indexes and the delete triggers defined on it.
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {table};");
        }
    }

    /// <summary>
    /// A table holding one trigger type's details. Quartz's own connections do not turn SQLite's foreign keys on, so a
    /// delete trigger removes the details with their trigger, as the cascade would.
    /// </summary>
    private static void CreateTriggerDetailTable(MigrationBuilder migrationBuilder, string table, string columns)
    {
        migrationBuilder.Sql($"""
            CREATE TABLE {table} (
                SCHED_NAME    NVARCHAR(120) NOT NULL,
                TRIGGER_NAME  NVARCHAR(150) NOT NULL,
                TRIGGER_GROUP NVARCHAR(150) NOT NULL,
            {columns}
                PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                    REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER DELETE_{table["QRTZ_".Length..^"_TRIGGERS".Length]}_TRIGGER DELETE ON QRTZ_TRIGGERS
            BEGIN
                DELETE FROM {table}
                WHERE SCHED_NAME = OLD.SCHED_NAME AND TRIGGER_NAME = OLD.TRIGGER_NAME AND TRIGGER_GROUP = OLD.TRIGGER_GROUP;
            END;
            """);
    }
}
