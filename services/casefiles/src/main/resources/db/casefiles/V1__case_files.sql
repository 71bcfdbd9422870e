-- casefiles's read model: rebuildable from the event topics (services/casefiles/README.md).
-- Table names are unqualified: Flyway runs this in "derived", and the rebuild runs it in a fresh
-- "derived_next" before swapping the tables in. No foreign keys: rows of case-events and
-- compound-events arrive independently (a case may name a compound the projector has not seen yet).

-- Where the projector stands in each partition: the next offset to apply. Updated in the same
-- transaction as the rows, and only WHERE next_offset is still what the batch started from.
CREATE TABLE casefiles_offsets (
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- One row per case: the clear facts search filters on, and every current fact as json (kept as
-- written: no query looks inside it, and json is much cheaper to write than jsonb).
CREATE TABLE cases (
    case_id            text    PRIMARY KEY,
    version            bigint  NOT NULL,
    nationality        text    NOT NULL,
    lifecycle          text    NOT NULL,
    whereabouts        text    NOT NULL,
    trafficking_status text    NOT NULL,
    compound_id        text,
    escaped_on         date    NOT NULL,
    minor              boolean NOT NULL,
    stateless          boolean NOT NULL,
    intends_to_return  boolean NOT NULL,
    detained           boolean NOT NULL,
    erased             boolean NOT NULL,
    needs              text[]  NOT NULL,
    search_text        text    NOT NULL,
    facts              json    NOT NULL
);
CREATE INDEX cases_by_escape ON cases (escaped_on, case_id);
CREATE INDEX cases_by_nationality ON cases (nationality, escaped_on, case_id);
CREATE INDEX cases_by_compound ON cases (compound_id);
CREATE INDEX cases_by_needs ON cases USING gin (needs);

-- The current consent of each case towards each recipient, for the embassy filter in SQL.
CREATE TABLE case_consents (
    case_id         text    NOT NULL,
    recipient       text    NOT NULL,
    given           boolean NOT NULL,
    data_categories text[]  NOT NULL,
    expires_on      date,
    best_interests  boolean NOT NULL,
    recorded_on     date    NOT NULL,
    PRIMARY KEY (case_id, recipient)
);
CREATE INDEX case_consents_by_recipient ON case_consents (recipient, case_id);

-- The full history of every case, in order; who reported each event and when. The encrypted
-- block is kept as the log has it (key id, nonce, ciphertext): the plaintext is never stored.
CREATE TABLE case_events (
    event_id         uuid        PRIMARY KEY,
    case_id          text        NOT NULL,
    sequence         bigint      NOT NULL,
    event_type       text        NOT NULL,
    command_id       uuid        NOT NULL,
    occurred_on      date,
    occurred_at      timestamptz,
    recorded_at      timestamptz NOT NULL,
    organisation     text        NOT NULL,
    principal        text        NOT NULL,
    details          json        NOT NULL,
    corrected_field  text,
    key_id           text,
    nonce            bytea,
    ciphertext       bytea,
    source_partition int         NOT NULL,
    source_offset    bigint      NOT NULL,
    UNIQUE (case_id, sequence)
);

CREATE TABLE compounds (
    compound_id text   PRIMARY KEY,
    version     bigint NOT NULL,
    name        text   NOT NULL,
    country     text   NOT NULL,
    status      text   NOT NULL,
    facts       json   NOT NULL
);

CREATE TABLE compound_events (
    event_id         uuid        PRIMARY KEY,
    compound_id      text        NOT NULL,
    sequence         bigint      NOT NULL,
    event_type       text        NOT NULL,
    command_id       uuid        NOT NULL,
    occurred_on      date,
    occurred_at      timestamptz,
    recorded_at      timestamptz NOT NULL,
    organisation     text        NOT NULL,
    principal        text        NOT NULL,
    details          json        NOT NULL,
    source_partition int         NOT NULL,
    source_offset    bigint      NOT NULL,
    UNIQUE (compound_id, sequence)
);
