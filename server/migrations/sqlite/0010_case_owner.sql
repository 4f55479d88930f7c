-- A case sent by a signed-in resident is theirs: its receipt opens only for
-- them, signed in, and it will be listed in their "My cases".
ALTER TABLE cases ADD COLUMN person_id BIGINT REFERENCES people (id);
