-- A history row is keyed by its aggregate and sequence, which the ledger gives each event once and
-- which already had to be unique, rather than by its event id: no query reads an event by its id,
-- and the live projector's ON CONFLICT DO NOTHING skips a replayed event by either. One unique index
-- fewer per history table: each live insert maintains one B-tree instead of two, and a rebuild
-- builds one over all the history instead of two (decision 0023).
ALTER TABLE case_events
    DROP CONSTRAINT case_events_pkey,
    DROP CONSTRAINT case_events_case_id_sequence_key,
    ADD CONSTRAINT case_events_pkey PRIMARY KEY (case_id, sequence);
ALTER TABLE compound_events
    DROP CONSTRAINT compound_events_pkey,
    DROP CONSTRAINT compound_events_compound_id_sequence_key,
    ADD CONSTRAINT compound_events_pkey PRIMARY KEY (compound_id, sequence);
