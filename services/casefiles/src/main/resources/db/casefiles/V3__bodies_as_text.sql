-- The bodies (a case's or compound's facts, an event's clear details) are text holding json rather
-- than json: the projector is their only writer and writes them with one serializer, and no query
-- looks inside them, so PostgreSQL's check of every value on the way in (which took more than half
-- of a COPY of the cases) bought nothing. They are read whole and never searched, so ANALYZE skips
-- them and the sealed personal data, which a rebuild analyzes on every table before the swap.
ALTER TABLE cases
    ALTER COLUMN facts TYPE text,
    ALTER COLUMN facts SET STATISTICS 0;
ALTER TABLE case_events
    ALTER COLUMN details TYPE text,
    ALTER COLUMN details SET STATISTICS 0,
    ALTER COLUMN nonce SET STATISTICS 0,
    ALTER COLUMN ciphertext SET STATISTICS 0;
ALTER TABLE compounds ALTER COLUMN facts TYPE text;
ALTER TABLE compound_events ALTER COLUMN details TYPE text;
