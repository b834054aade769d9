internal import GRDB

extension SQLiteStateStore {
    /// The versioned migrations, applied in order on open. Never edit a shipped migration: add the next one.
    static var migrator: DatabaseMigrator {
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
        return migrator
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
