-- The embassy feeds' primary data: webhook subscriptions, their delivery cursors and parked
-- deliveries. Not in the Kafka log, so it must be backed up with the rest of "primary".

-- A subscription of one embassy. The secret is stored only as AES-256-GCM ciphertext under a data key
-- of the key store (key owner 'webhook:<id>'); deleting the subscription destroys that key.
CREATE TABLE "primary".webhook_subscriptions (
    id             uuid        PRIMARY KEY,
    embassy        text        NOT NULL CHECK (embassy ~ '^[A-Z]{2}$'),
    url            text        NOT NULL,
    agreement      text        NOT NULL,
    secret_key_id  text        NOT NULL,
    secret_nonce   bytea       NOT NULL,
    secret_sealed  bytea       NOT NULL,
    created_by     text        NOT NULL,
    organisation   text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    suspended_at   timestamptz,
    deleted_at     timestamptz
);
CREATE INDEX webhook_subscriptions_embassy ON "primary".webhook_subscriptions (embassy) WHERE status <> 'DELETED';

-- The next feed offset to deliver, per subscription: deliveries resume here after a restart.
CREATE TABLE "primary".webhook_cursors (
    subscription_id uuid        PRIMARY KEY REFERENCES "primary".webhook_subscriptions (id),
    next_offset     bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A delivery that failed every attempt; its subscription was suspended with it. A replay marks it
-- replayed and delivers it again, first. Errors are an HTTP status or an exception class, never a
-- response body.
CREATE TABLE "primary".webhook_parked (
    id              bigserial   PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES "primary".webhook_subscriptions (id),
    feed_offset     bigint      NOT NULL,
    webhook_id      text        NOT NULL,
    event_type      text        NOT NULL,
    attempts        int         NOT NULL,
    last_error      text        NOT NULL,
    parked_at       timestamptz NOT NULL DEFAULT now(),
    replayed_at     timestamptz
);
CREATE INDEX webhook_parked_open ON "primary".webhook_parked (subscription_id) WHERE replayed_at IS NULL;
