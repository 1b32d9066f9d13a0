namespace Portal.Data.PostgreSQL;

/// <summary>
/// What PostgreSQL needs besides the tables the model makes, applied after every migration at
/// start-up and written so that applying it again changes nothing (so regenerating the
/// migrations never loses it). The twins of SQLite's FTS5 table and triggers in its first migration.
/// </summary>
public static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Extras =
    [
        // The audit trail is append-only: the database itself refuses to change, remove or truncate an entry.
        """
        CREATE OR REPLACE FUNCTION portal_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Audit entries are append-only.';
        END
        $$;
        """,
        """CREATE OR REPLACE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION portal_audit_append_only();""",
        """CREATE OR REPLACE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION portal_audit_append_only();""",
        """CREATE OR REPLACE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION portal_audit_append_only();""",

        // The search index: the same rows SQLite's FTS5 table holds (unquoted names, so the
        // index's writes are the same SQL on both), with a weighted text-search vector per
        // language: the title (A) above the body (B), English and Swedish stemming.
        """
        CREATE TABLE IF NOT EXISTS searchindex (
            rowid bigint PRIMARY KEY,
            title text,
            body text,
            audience text NOT NULL,
            kind text NOT NULL,
            itemid bigint NOT NULL,
            date text,
            english tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED,
            swedish tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(body, '')), 'B')) STORED
        );
        """,
        "CREATE INDEX IF NOT EXISTS searchindex_english ON searchindex USING gin (english);",
        "CREATE INDEX IF NOT EXISTS searchindex_swedish ON searchindex USING gin (swedish);",
        "CREATE INDEX IF NOT EXISTS searchindex_audience ON searchindex (audience);",
    ];
}
