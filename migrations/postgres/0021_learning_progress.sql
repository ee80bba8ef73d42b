-- New quiz attempts given by a partner admin (or the program admin) to a
-- person who used every attempt: the failed attempts are marked cleared
-- (kept, so the history stays) and no longer count against the limit.

ALTER TABLE quiz_attempts ADD COLUMN cleared BIGINT NOT NULL DEFAULT 0
    CHECK (cleared IN (0, 1));

CREATE TABLE quiz_resets (
    person_id TEXT NOT NULL REFERENCES people (id),
    course_id TEXT NOT NULL REFERENCES courses (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    reset_at BIGINT NOT NULL,
    reset_by TEXT NOT NULL REFERENCES people (id),
    cleared BIGINT NOT NULL
);
CREATE INDEX quiz_resets_person ON quiz_resets (person_id, course_id);

CREATE INDEX quiz_attempts_organisation ON quiz_attempts (organisation_id, person_id);
CREATE INDEX path_enrolments_organisation ON path_enrolments (organisation_id);
