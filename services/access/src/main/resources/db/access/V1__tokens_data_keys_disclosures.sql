-- access's primary data: not in the Kafka log, so it must be backed up (see services/access/README.md).

-- Tokens are stored only as the SHA-256 of the secret; the secret is shown once, when issued.
CREATE TABLE "primary".tokens (
    token_hash   bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    name         text        NOT NULL,
    role         text        NOT NULL,
    organisation text        NOT NULL,
    issued_by    text        NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
-- a name belongs to one person's active token at a time
CREATE UNIQUE INDEX tokens_active_name ON "primary".tokens (name) WHERE revoked_at IS NULL;

-- One data key per case, wrapped by the master key whose id is stored beside it. Erasure keeps
-- the row as a tombstone (wrapped NULL), so the case never silently gets a new key.
CREATE TABLE "primary".data_keys (
    case_id       text        PRIMARY KEY,
    key_id        text        NOT NULL UNIQUE,
    wrapped       bytea,
    master_key_id text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    rewrapped_at  timestamptz,
    destroyed_at  timestamptz,
    CHECK ((wrapped IS NULL) = (destroyed_at IS NOT NULL)),
    CHECK ((wrapped IS NULL) = (master_key_id IS NULL))
);

-- Who received or read what about a person, and why. Append-only.
CREATE TABLE "primary".disclosures (
    id           bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL,
    principal    text        NOT NULL,
    organisation text        NOT NULL,
    action       text        NOT NULL,
    case_id      text        NOT NULL,
    what         text,
    why          text
);
CREATE INDEX disclosures_case ON "primary".disclosures (case_id, at);

-- The append-only promise holds in the database, not only in code: a trigger refuses UPDATE,
-- DELETE and TRUNCATE, whoever asks (the owner included), and nobody else gets the privileges.
CREATE FUNCTION "primary".disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the disclosure log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER disclosures_no_update_or_delete
    BEFORE UPDATE OR DELETE ON "primary".disclosures
    FOR EACH ROW EXECUTE FUNCTION "primary".disclosures_append_only();
CREATE TRIGGER disclosures_no_truncate
    BEFORE TRUNCATE ON "primary".disclosures
    FOR EACH STATEMENT EXECUTE FUNCTION "primary".disclosures_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON "primary".disclosures FROM PUBLIC;
