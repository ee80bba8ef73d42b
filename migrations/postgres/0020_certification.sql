-- Certification: paths of ordered courses for a job function and partner
-- types, who is enrolled in which, and the certificates issued when a
-- path is complete (each publicly verifiable by its id).

-- Certified people counted toward tiers: those certified before Trellis
-- (recorded, kept) plus everyone holding a valid certificate on a path
-- that counts; `certified_people` stays the total the tier job reads.
ALTER TABLE organisations ADD COLUMN certified_elsewhere BIGINT NOT NULL DEFAULT 0;
UPDATE organisations SET certified_elsewhere = certified_people;

-- What a person does at their company; paths are aimed at it.
ALTER TABLE people ADD COLUMN job_function TEXT NOT NULL DEFAULT 'sales'
    CHECK (job_function IN ('sales', 'technical', 'marketing'));

CREATE TABLE cert_paths (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- Comma lists; empty means every job function / every partner type.
    job_functions TEXT NOT NULL DEFAULT '',
    partner_types TEXT NOT NULL DEFAULT '',
    validity_months BIGINT NOT NULL CHECK (validity_months BETWEEN 1 AND 60),
    -- 1: a valid certificate counts its holder as certified for tiers.
    counts_toward_tier BIGINT NOT NULL CHECK (counts_toward_tier IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE cert_path_courses (
    path_id TEXT NOT NULL REFERENCES cert_paths (id),
    course_id TEXT NOT NULL REFERENCES courses (id),
    position BIGINT NOT NULL CHECK (position > 0),
    -- 1: taken again to recertify (knowledge that changes).
    retake_to_recertify BIGINT NOT NULL CHECK (retake_to_recertify IN (0, 1)),
    PRIMARY KEY (path_id, course_id),
    UNIQUE (path_id, position)
);
CREATE INDEX cert_path_courses_course ON cert_path_courses (course_id);

CREATE TABLE path_enrolments (
    path_id TEXT NOT NULL REFERENCES cert_paths (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    enrolled_at BIGINT NOT NULL,
    PRIMARY KEY (path_id, person_id)
);
CREATE INDEX path_enrolments_person ON path_enrolments (person_id);

-- The holder's, organisation's and path's names are kept as issued: the
-- certificate says what was true that day.
CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    path_id TEXT NOT NULL REFERENCES cert_paths (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    holder_name TEXT NOT NULL,
    organisation_name TEXT NOT NULL,
    path_title TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    valid_until BIGINT NOT NULL CHECK (valid_until > issued_at),
    -- The quiz pass that completed the path (none for imported ones).
    attempt_id TEXT REFERENCES quiz_attempts (id),
    revoked_at BIGINT,
    revoked_reason TEXT,
    -- When the expiry was acted on (holder told, tier recounted).
    expiry_handled_at BIGINT
);
CREATE INDEX certificates_person ON certificates (person_id, path_id);
CREATE INDEX certificates_organisation ON certificates (organisation_id);
-- One certificate per path and person at any moment of issue.
CREATE UNIQUE INDEX certificates_issue ON certificates (path_id, person_id, issued_at);

-- Expiry reminders sent (60, 30, 7 days before): once each, whichever
-- app server's job gets there first.
CREATE TABLE certificate_reminders (
    certificate_id TEXT NOT NULL REFERENCES certificates (id),
    days BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (certificate_id, days)
);
