-- Foundation: regions, volunteers, invites and the audit log.
-- Dinas Sosial data teams read these tables directly; README.md documents them.

CREATE TABLE regions (
    code        text PRIMARY KEY,              -- Kemendagri code with dots: 13, 13.71, 13.71.01, 13.71.01.1001
    parent_code text REFERENCES regions (code),
    level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4), -- 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan
    name        text NOT NULL,
    timezone    text NOT NULL                  -- IANA zone of the province (WIB/WITA/WIT)
);
CREATE INDEX regions_parent_code_idx ON regions (parent_code);

CREATE TABLE volunteers (
    id             bigserial PRIMARY KEY,
    telegram_id    bigint NOT NULL UNIQUE,
    chat_id        bigint NOT NULL,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('tagana', 'tksk', 'pendamping_pkh', 'psm', 'karang_taruna', 'lainnya')),
    phone          text NOT NULL,              -- E.164, +62…
    regency_code   text NOT NULL REFERENCES regions (code),
    district_code  text REFERENCES regions (code),
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'rejected', 'deactivated')),
    language       text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    is_admin       boolean NOT NULL DEFAULT false,
    coordinator_of text REFERENCES regions (code), -- kabupaten/kota this volunteer coordinates
    invite_code    text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    decided_at     timestamptz,
    decided_by     bigint REFERENCES volunteers (id)
);
CREATE INDEX volunteers_regency_status_idx ON volunteers (regency_code, status);
CREATE INDEX volunteers_coordinator_of_idx ON volunteers (coordinator_of) WHERE coordinator_of IS NOT NULL;

CREATE TABLE invites (
    code         text PRIMARY KEY,
    role         text NOT NULL CHECK (role IN ('tagana', 'tksk', 'pendamping_pkh', 'psm', 'karang_taruna', 'lainnya')),
    regency_code text NOT NULL REFERENCES regions (code),
    created_by   bigint NOT NULL REFERENCES volunteers (id),
    max_uses     integer NOT NULL CHECK (max_uses > 0),
    uses         integer NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE volunteers ADD CONSTRAINT volunteers_invite_code_fkey FOREIGN KEY (invite_code) REFERENCES invites (code);

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  bigint REFERENCES volunteers (id), -- NULL for the system
    action    text NOT NULL,                     -- approve, reject, grant_coordinator, revoke_coordinator, invite_join, …
    target_id bigint REFERENCES volunteers (id),
    detail    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target_idx ON audit_log (target_id, at);
