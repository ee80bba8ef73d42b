-- Learning: courses of ordered lessons, each course closed by a quiz drawn
-- from its question pool, what each person opened, and their attempts.
-- The key (which choices are correct) is read only by the marking code.

CREATE TABLE courses (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    minutes BIGINT NOT NULL CHECK (minutes > 0),
    -- The quiz: percent to pass, attempts allowed, questions drawn.
    pass_mark BIGINT NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
    max_attempts BIGINT NOT NULL CHECK (max_attempts > 0),
    questions_per_attempt BIGINT NOT NULL CHECK (questions_per_attempt > 0),
    created_at BIGINT NOT NULL
);

CREATE TABLE lessons (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES courses (id),
    position BIGINT NOT NULL CHECK (position > 0),
    title TEXT NOT NULL,
    -- Markdown, shown as text.
    body TEXT NOT NULL,
    video_url TEXT,
    UNIQUE (course_id, position)
);

CREATE TABLE quiz_questions (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES courses (id),
    prompt TEXT NOT NULL,
    -- 1: tick every correct choice; 0: pick one.
    multiple BIGINT NOT NULL CHECK (multiple IN (0, 1))
);
CREATE INDEX quiz_questions_course ON quiz_questions (course_id);

CREATE TABLE quiz_choices (
    id TEXT PRIMARY KEY,
    question_id TEXT NOT NULL REFERENCES quiz_questions (id),
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    correct BIGINT NOT NULL CHECK (correct IN (0, 1)),
    UNIQUE (question_id, position)
);

-- A lesson a person opened (the first time): progress and "resume here".
CREATE TABLE lesson_progress (
    person_id TEXT NOT NULL REFERENCES people (id),
    lesson_id TEXT NOT NULL REFERENCES lessons (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    opened_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, lesson_id)
);

-- One attempt at a course's quiz: the questions drawn (ids, in order),
-- then the answers and the mark once submitted.
CREATE TABLE quiz_attempts (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES courses (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    question_ids TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    submitted_at BIGINT,
    percent BIGINT CHECK (percent BETWEEN 0 AND 100),
    passed BIGINT CHECK (passed IN (0, 1)),
    -- What was picked, per question in order ("c1 c2,c5,"), and whether
    -- each was right ("101").
    answers TEXT,
    marks TEXT
);
CREATE INDEX quiz_attempts_person ON quiz_attempts (person_id, course_id);
-- At most one attempt open per person and course, however many tabs.
CREATE UNIQUE INDEX quiz_attempts_open ON quiz_attempts (person_id, course_id)
    WHERE submitted_at IS NULL;
