internal import DubanCalendar
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    /// The versioned migrations, applied in order on open. Never edit a shipped migration: add the next one.
    /// `timeZone` is the site's: it dates the steps version 4 writes for states recorded before it.
    static func migrator(timeZone: TimeZone) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: schemaV2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: schemaV3)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: schemaV4)
            try migrateClosures(db, timeZone: timeZone)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: schemaV5)
        }
        return migrator
    }

    /// Version 5: the 督办单 issued by the escalation ladder, each under the key of its ladder event, numbered
    /// per prefix and year without a gap (`UNIQUE (prefix, year, sequence)`), with the document as issued (JSON);
    /// append-only, like `audit` and `step`.
    static let schemaV5 = """
        CREATE TABLE supervision_notice (
            event_key      TEXT PRIMARY KEY,
            occurrence_id  TEXT NOT NULL,
            org            TEXT NOT NULL,
            prefix         TEXT NOT NULL,
            year           INTEGER NOT NULL,
            sequence       INTEGER NOT NULL CHECK (sequence >= 1),
            number         TEXT NOT NULL UNIQUE,
            issued_on      INTEGER NOT NULL,
            issued_at      INTEGER NOT NULL,
            document       TEXT NOT NULL,
            UNIQUE (prefix, year, sequence)
        );
        CREATE INDEX supervision_notice_occurrence ON supervision_notice (occurrence_id, issued_on);
        CREATE INDEX supervision_notice_org ON supervision_notice (org, issued_on);
        CREATE TRIGGER supervision_notice_no_update BEFORE UPDATE ON supervision_notice
        BEGIN
            SELECT RAISE(ABORT, 'supervision notices are append-only');
        END;
        CREATE TRIGGER supervision_notice_no_delete BEFORE DELETE ON supervision_notice
        BEGIN
            SELECT RAISE(ABORT, 'supervision notices are append-only');
        END;
        """

    /// Version 4: the supervision loop (督办闭环). Every occurrence gets its step (`stage`, docs/supervision.md),
    /// the loop's record once a step was taken (`loop`, JSON), the working days the loop moved its due date
    /// (`due_shift`) and the date the plans give (`plan_due`, once the loop moved `due`); `step` keeps every
    /// step taken with who, when, why and the evidence (the ledger's rows). What a database of an earlier
    /// release recorded maps as: done → closed, waived → waived, open with progress or readings, reopened, or
    /// started from an event → in progress, other open ones → assigned; each such state is written as a `migrated` step.
    static let schemaV4 = """
        ALTER TABLE occurrence ADD COLUMN stage TEXT NOT NULL DEFAULT 'assigned' CHECK (stage IN (
            'assigned', 'in_progress', 'extension_requested', 'submitted', 'paused', 'closed', 'struck_off', 'waived'));
        ALTER TABLE occurrence ADD COLUMN loop TEXT;
        ALTER TABLE occurrence ADD COLUMN due_shift INTEGER NOT NULL DEFAULT 0 CHECK (due_shift >= 0);
        ALTER TABLE occurrence ADD COLUMN plan_due INTEGER;
        UPDATE occurrence SET stage = CASE
            WHEN state = 'done' THEN 'closed'
            WHEN state = 'waived' THEN 'waived'
            WHEN origin = 'event' OR changed_at IS NOT NULL
                OR EXISTS (SELECT 1 FROM progress p WHERE p.occurrence_id = occurrence.id)
                OR EXISTS (SELECT 1 FROM reading r
                           WHERE r.plan = occurrence.plan AND r.task = occurrence.task AND r.org = occurrence.org)
                THEN 'in_progress'
            ELSE 'assigned' END;
        CREATE INDEX occurrence_stage ON occurrence (stage, due, id) WHERE archived = 0;

        CREATE TABLE step (
            id             INTEGER PRIMARY KEY,
            occurrence_id  TEXT NOT NULL REFERENCES occurrence (id),
            action         TEXT NOT NULL,
            from_stage     TEXT NOT NULL,
            to_stage       TEXT NOT NULL,
            day            INTEGER NOT NULL,
            at             INTEGER NOT NULL,
            uid            INTEGER NOT NULL,
            user_name      TEXT NOT NULL,
            note           TEXT,
            evidence       TEXT,
            working_days   INTEGER,
            due            INTEGER NOT NULL,
            request_id     TEXT NOT NULL
        );
        CREATE INDEX step_occurrence ON step (occurrence_id, id);
        CREATE TRIGGER step_no_update BEFORE UPDATE ON step
        BEGIN
            SELECT RAISE(ABORT, 'steps are append-only');
        END;
        CREATE TRIGGER step_no_delete BEFORE DELETE ON step
        BEGIN
            SELECT RAISE(ABORT, 'steps are append-only');
        END;
        """

    /// Writes a `migrated` step for every closure (done or waived) an earlier release recorded, dated in the
    /// site's zone, so the ledger shows when and by whom it was closed.
    static func migrateClosures(_ db: Database, timeZone: TimeZone) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, stage, changed_at, actor, note, evidence, due FROM occurrence
                WHERE changed_at IS NOT NULL AND state IN ('done', 'waived') ORDER BY rowid
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO step (occurrence_id, action, from_stage, to_stage, day, at, uid, user_name, note,
                                  evidence, due, request_id)
                VALUES (?, 'migrated', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
                """)
        for row in rows {
            let id: String = row[0]
            let stage: String = row[1]
            let at: Int64 = row[2]
            let actor: String? = row[3]
            let day = Self.day(of: date(millis: at), in: timeZone)
            try insert.execute(arguments: [
                id, stage, stage, day.dayNumber, at, actor ?? "", row[4] as String?, row[5] as String?,
                row[6] as Int, "migrated:" + id,
            ])
        }
    }

    /// Version 3: notices waiting for their digest. One row per (event, notifier channel, receiver), unique, so a
    /// notice reaches a receiver once; `digest_key` names the digest (an `event` of kind `digest` with its outbox
    /// entry) that carried it.
    static let schemaV3 = """
        CREATE TABLE dispatch (
            id          INTEGER PRIMARY KEY,
            event_key   TEXT NOT NULL REFERENCES event (key),
            channel     TEXT NOT NULL,
            receiver    TEXT NOT NULL,
            send_at     INTEGER NOT NULL,
            item        TEXT NOT NULL,
            created_at  INTEGER NOT NULL,
            digest_key  TEXT,
            UNIQUE (event_key, channel, receiver)
        );
        CREATE INDEX dispatch_waiting ON dispatch (send_at, channel, receiver) WHERE digest_key IS NULL;
        CREATE INDEX dispatch_digest ON dispatch (digest_key);
        """

    /// Version 2: occurrences started from events (procedural limits) with their extensions, a partial index of
    /// live occurrences for the milestone queries, and audit lines by target (an occurrence's history).
    static let schemaV2 = """
        ALTER TABLE occurrence ADD COLUMN origin TEXT NOT NULL DEFAULT 'plan' CHECK (origin IN ('plan', 'event'));
        ALTER TABLE occurrence ADD COLUMN event_day INTEGER;
        ALTER TABLE occurrence ADD COLUMN extended_days INTEGER NOT NULL DEFAULT 0 CHECK (extended_days >= 0);
        CREATE INDEX occurrence_live ON occurrence (state, due, id) WHERE archived = 0;
        CREATE INDEX audit_target ON audit (target, id);
        """

    /// Version 1 of the schema (docs/state-store.md explains each table).
    static let schemaV1 = """
        CREATE TABLE occurrence (
            id          TEXT PRIMARY KEY NOT NULL,
            plan        TEXT NOT NULL,
            task        TEXT NOT NULL,
            org         TEXT NOT NULL,
            due         INTEGER NOT NULL,
            state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'waived')),
            actor       TEXT,
            changed_at  INTEGER,
            note        TEXT,
            evidence    TEXT,
            archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        );
        CREATE INDEX occurrence_state_due ON occurrence (state, due, id);
        CREATE INDEX occurrence_task ON occurrence (plan, task, org);
        CREATE INDEX occurrence_archived ON occurrence (id) WHERE archived = 1;

        CREATE TABLE plan_digest (
            plan    TEXT PRIMARY KEY NOT NULL,
            digest  TEXT NOT NULL,
            rows    INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE progress (
            id             INTEGER PRIMARY KEY,
            occurrence_id  TEXT NOT NULL REFERENCES occurrence (id),
            amount         REAL NOT NULL CHECK (amount > 0),
            day            INTEGER NOT NULL,
            note           TEXT,
            actor          TEXT NOT NULL,
            recorded_at    INTEGER NOT NULL,
            request_id     TEXT NOT NULL UNIQUE
        );
        CREATE INDEX progress_occurrence ON progress (occurrence_id);

        CREATE TABLE reading (
            id           INTEGER PRIMARY KEY,
            plan         TEXT NOT NULL,
            task         TEXT NOT NULL,
            org          TEXT NOT NULL,
            value        REAL NOT NULL,
            day          INTEGER NOT NULL,
            note         TEXT,
            actor        TEXT NOT NULL,
            recorded_at  INTEGER NOT NULL,
            request_id   TEXT NOT NULL UNIQUE
        );
        CREATE INDEX reading_task ON reading (plan, task, org, day);

        CREATE TABLE request (
            request_id  TEXT PRIMARY KEY NOT NULL,
            action      TEXT NOT NULL,
            body        TEXT NOT NULL,
            result      TEXT NOT NULL,
            at          INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE event (
            key           TEXT PRIMARY KEY NOT NULL,
            occurrence_id TEXT,
            kind          TEXT NOT NULL,
            scheduled_at  INTEGER NOT NULL,
            fired_at      INTEGER NOT NULL,
            recorded_at   INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE outbox (
            id               INTEGER PRIMARY KEY,
            event_key        TEXT NOT NULL REFERENCES event (key),
            channel          TEXT NOT NULL,
            payload          TEXT NOT NULL,
            created_at       INTEGER NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt_at  INTEGER NOT NULL,
            last_error       TEXT,
            delivered_at     INTEGER
        );
        CREATE INDEX outbox_event ON outbox (event_key);
        CREATE INDEX outbox_pending ON outbox (channel, next_attempt_at) WHERE delivered_at IS NULL;

        CREATE TABLE audit (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          INTEGER NOT NULL,
            uid         INTEGER NOT NULL,
            user_name   TEXT NOT NULL,
            action      TEXT NOT NULL,
            target      TEXT NOT NULL,
            request     TEXT NOT NULL,
            request_id  TEXT
        );
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;
        """
}
