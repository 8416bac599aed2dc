import GRDB

/// The record's tables, created and changed only by numbered migrations, so that any earlier
/// record opens in a newer Tandem. Plain tables with text dates (`2027-01-14`, local times
/// `2027-01-14T18:00`, instants `2027-01-01T09:00:00Z`), readable with `sqlite3` or DB Browser
/// for SQLite; docs/programme-record.md describes them.
enum RecordSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("command", .text).notNull()
                table.column("run_date", .text).notNull()
                table.column("time_zone", .text).notNull()
                table.column("started_at", .text).notNull()
                table.column("note", .text).notNull().defaults(to: "")
            }
            try db.create(table: "person") { table in
                table.primaryKey("id", .text)
                table.column("side", .text).notNull().check { ["mentor", "mentee"].contains($0) }
                table.column("name", .text).notNull()
                table.column("email", .text).notNull()
                table.column("status", .text).notNull().check { ["active", "withdrawn"].contains($0) }
                // Whether the cohort events were sent to them.
                table.column("invited_to_events", .boolean).notNull().defaults(to: false)
                table.column("first_run", .integer).notNull().references("run")
                table.column("last_run", .integer).notNull().references("run")
                table.column("withdrawn_from", .text)
                table.column("withdrawn_reason", .text)
            }
            try db.create(table: "pair") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("mentor_id", .text).notNull().references("person")
                table.column("mentee_id", .text).notNull().references("person")
                table.column("status", .text).notNull().check { ["active", "ended"].contains($0) }
                table.column("made_run", .integer).notNull().references("run")
                table.column("made_on", .text).notNull()
                table.column("ended_on", .text)
                table.column("ended_reason", .text)
                table.column("score", .double).notNull()
                table.column("mentee_rank", .integer).notNull()
                table.column("mentor_rank", .integer).notNull()
            }
            // One active pair per mentor and mentee at a time.
            try db.create(
                index: "pair_active", on: "pair", columns: ["mentor_id", "mentee_id"], unique: true,
                condition: Column("status") == "active")
            try db.create(table: "series") { table in
                table.primaryKey("pair_id", .integer).references("pair")
                table.column("uid", .text).notNull().unique()
                table.column("sequence", .integer).notNull()
                // The last revision sent to the two people; NULL until the first is sent.
                table.column("sent_sequence", .integer)
                table.column("issued_at", .text).notNull()
                table.column("status", .text).notNull().check { ["confirmed", "ended", "cancelled"].contains($0) }
                table.column("weekday", .text).notNull()
                table.column("start_time", .text).notNull()
                table.column("cadence", .text).notNull()
                table.column("cadence_step", .integer).notNull()
                table.column("duration_minutes", .integer).notNull()
                table.column("first_start", .text).notNull()
                table.column("occurrence_count", .integer).notNull()
                table.column("location", .text).notNull()
                table.column("online", .boolean).notNull()
            }
            try db.create(table: "session") { table in
                table.column("pair_id", .integer).notNull().references("pair")
                table.column("start", .text).notNull()
                table.column("status", .text).notNull().check { ["planned", "held", "cancelled", "skipped"].contains($0) }
                table.primaryKey(["pair_id", "start"])
            }
            try db.create(table: "cohort_event") { table in
                table.primaryKey("uid", .text)
                table.column("title", .text).notNull()
                table.column("start", .text).notNull()
                table.column("issued_at", .text).notNull()
            }
            try db.create(table: "change") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .integer).notNull().references("run")
                table.column("kind", .text).notNull()
                table.column("person_id", .text)
                table.column("pair_id", .integer).references("pair")
                table.column("detail", .text).notNull()
            }
        }
        return migrator
    }
}
