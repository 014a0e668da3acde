-- Field records: emergency reports (/lapor), pre-proposals for DTKS/DTSEN
-- (/daftar), visit check-ins (/kunjungan) and the reminders they schedule.
-- Dinas Sosial data teams read these tables directly; every column is
-- commented below (\d+ in psql, or the column comments in a BI tool).
--
-- Conventions:
--   * Every record carries the volunteer who filed it, its region codes
--     (Kemendagri codes with dots, FK to regions) and its timestamps (UTC).
--   * code is the human-readable id shown in chats: LAP-7K2Q, REG-…, KNJ-….
--   * submission_id is the idempotency key of the conversation that filed the
--     record: a retried submission finds the row made the first time.
--   * Head counts are NULL when the volunteer does not know ("tidak tahu"),
--     which is different from 0.
--   * Optional free text is '' when not given; optional region codes and
--     references are NULL.
--   * latitude/longitude are WGS84 from a Telegram location, both or neither.

CREATE TABLE emergency_reports (
    id               bigserial PRIMARY KEY,
    code             text NOT NULL CONSTRAINT emergency_reports_code_key UNIQUE,
    submission_id    text NOT NULL CONSTRAINT emergency_reports_submission_id_key UNIQUE CHECK (submission_id <> ''),
    volunteer_id     bigint NOT NULL REFERENCES volunteers (id),

    disaster_type    text NOT NULL,
    occurred_on      date NOT NULL,
    occurred_time    text NOT NULL DEFAULT '',
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    village_code     text REFERENCES regions (code),
    district_code    text REFERENCES regions (code),
    regency_code     text NOT NULL REFERENCES regions (code),
    province_code    text NOT NULL REFERENCES regions (code),

    dead             integer CHECK (dead >= 0),
    missing          integer CHECK (missing >= 0),
    severely_injured integer CHECK (severely_injured >= 0),
    lightly_injured  integer CHECK (lightly_injured >= 0),
    affected_kk      integer CHECK (affected_kk >= 0),
    affected_people  integer CHECK (affected_people >= 0),
    displaced_kk     integer CHECK (displaced_kk >= 0),
    displaced_people integer CHECK (displaced_people >= 0),
    houses_heavy     integer CHECK (houses_heavy >= 0),
    houses_moderate  integer CHECK (houses_moderate >= 0),
    houses_light     integer CHECK (houses_light >= 0),
    houses_flooded   integer CHECK (houses_flooded >= 0),

    vulnerable_groups text[] NOT NULL DEFAULT '{}',
    urgent_needs      text[] NOT NULL DEFAULT '{}',
    actions_taken     text[] NOT NULL DEFAULT '{}',
    photo_file_ids    text[] NOT NULL DEFAULT '{}',
    notes             text NOT NULL DEFAULT '',

    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'closed')),
    handled_by       bigint REFERENCES volunteers (id),
    handled_at       timestamptz,
    reported_at      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT emergency_reports_location_check CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT emergency_reports_handled_check CHECK ((handled_by IS NULL) = (handled_at IS NULL))
);
CREATE INDEX emergency_reports_regency_created_idx ON emergency_reports (regency_code, created_at);
CREATE INDEX emergency_reports_volunteer_created_idx ON emergency_reports (volunteer_id, created_at);

COMMENT ON TABLE emergency_reports IS 'Laporan kejadian bencana filed with /lapor (fields after Perka BNPB 8/2011 and the BNPB DIBI schema).';
COMMENT ON COLUMN emergency_reports.code IS 'Human-readable id shown to volunteers and coordinators, e.g. LAP-7K2Q.';
COMMENT ON COLUMN emergency_reports.submission_id IS 'Idempotency key of the conversation that filed the report.';
COMMENT ON COLUMN emergency_reports.volunteer_id IS 'Reporter (volunteers.id).';
COMMENT ON COLUMN emergency_reports.disaster_type IS 'Jenis bencana: DIBI code (101 banjir, 102 tanah longsor, 108 gempa bumi, …) or a Mitra key such as kebakaran_permukiman.';
COMMENT ON COLUMN emergency_reports.occurred_on IS 'Tanggal kejadian, in the local time of the region.';
COMMENT ON COLUMN emergency_reports.occurred_time IS 'Jam kejadian as HH.MM local time; empty when unknown.';
COMMENT ON COLUMN emergency_reports.latitude IS 'Latitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN emergency_reports.longitude IS 'Longitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN emergency_reports.village_code IS 'Desa/kelurahan (regions.code, level 4); NULL when not given.';
COMMENT ON COLUMN emergency_reports.district_code IS 'Kecamatan (regions.code, level 3); NULL when not given.';
COMMENT ON COLUMN emergency_reports.regency_code IS 'Kabupaten/kota (regions.code, level 2); its coordinators receive the report.';
COMMENT ON COLUMN emergency_reports.province_code IS 'Provinsi (regions.code, level 1).';
COMMENT ON COLUMN emergency_reports.dead IS 'Korban meninggal; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.missing IS 'Korban hilang; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.severely_injured IS 'Luka berat; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.lightly_injured IS 'Luka ringan; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.affected_kk IS 'Terdampak/menderita, in kepala keluarga; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.affected_people IS 'Terdampak/menderita, in jiwa; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.displaced_kk IS 'Mengungsi, in kepala keluarga; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.displaced_people IS 'Mengungsi, in jiwa; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.houses_heavy IS 'Rumah rusak berat; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.houses_moderate IS 'Rumah rusak sedang; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.houses_light IS 'Rumah rusak ringan; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.houses_flooded IS 'Rumah terendam; NULL = tidak tahu.';
COMMENT ON COLUMN emergency_reports.vulnerable_groups IS 'Kelompok rentan present (option keys of /lapor: infants, children, pregnant or nursing mothers, elderly, people with disabilities…).';
COMMENT ON COLUMN emergency_reports.urgent_needs IS 'Kebutuhan mendesak (option keys of /lapor: clean water, food, tents, medicine…).';
COMMENT ON COLUMN emergency_reports.actions_taken IS 'Upaya yang dilakukan (option keys of /lapor: evacuation, dapur umum, posko, psychosocial support…).';
COMMENT ON COLUMN emergency_reports.photo_file_ids IS 'Telegram file ids of the photos, in the order sent; updates append.';
COMMENT ON COLUMN emergency_reports.notes IS 'Free-text notes (kronologis); empty when none.';
COMMENT ON COLUMN emergency_reports.status IS 'open (new), handled (a coordinator took it), closed.';
COMMENT ON COLUMN emergency_reports.handled_by IS 'Coordinator who took the report (volunteers.id); the first one wins.';
COMMENT ON COLUMN emergency_reports.handled_at IS 'When the coordinator took the report.';
COMMENT ON COLUMN emergency_reports.reported_at IS 'When the volunteer sent the last answer, by their phone; may precede created_at.';
COMMENT ON COLUMN emergency_reports.created_at IS 'When Mitra stored the report.';
COMMENT ON COLUMN emergency_reports.updated_at IS 'Last change by an update or by a coordinator.';

CREATE TABLE emergency_report_updates (
    id            bigserial PRIMARY KEY,
    report_id     bigint NOT NULL REFERENCES emergency_reports (id),
    submission_id text NOT NULL CONSTRAINT emergency_report_updates_submission_id_key UNIQUE CHECK (submission_id <> ''),
    volunteer_id  bigint NOT NULL REFERENCES volunteers (id),
    regency_code  text NOT NULL REFERENCES regions (code),
    changes       jsonb NOT NULL DEFAULT '[]',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX emergency_report_updates_report_idx ON emergency_report_updates (report_id, created_at);

COMMENT ON TABLE emergency_report_updates IS 'Updates a reporter sent for an open report; the report row holds the new values.';
COMMENT ON COLUMN emergency_report_updates.report_id IS 'Updated report (emergency_reports.id).';
COMMENT ON COLUMN emergency_report_updates.submission_id IS 'Idempotency key of the conversation that sent the update.';
COMMENT ON COLUMN emergency_report_updates.volunteer_id IS 'Volunteer who sent the update (volunteers.id).';
COMMENT ON COLUMN emergency_report_updates.regency_code IS 'Kabupaten/kota of the report, copied for filtering.';
COMMENT ON COLUMN emergency_report_updates.changes IS 'What changed, as shown to people: [{"field": "Meninggal", "old": "2", "new": "3"}, …].';
COMMENT ON COLUMN emergency_report_updates.created_at IS 'When Mitra stored the update.';

CREATE TABLE registrations (
    id               bigserial PRIMARY KEY,
    code             text NOT NULL CONSTRAINT registrations_code_key UNIQUE,
    submission_id    text NOT NULL CONSTRAINT registrations_submission_id_key UNIQUE CHECK (submission_id <> ''),
    volunteer_id     bigint NOT NULL REFERENCES volunteers (id),

    criterion        text NOT NULL,
    category         text NOT NULL DEFAULT '',
    nik              text NOT NULL CONSTRAINT registrations_nik_key UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
    name             text NOT NULL,
    birth_place      text NOT NULL DEFAULT '',
    birth_date       date,
    female           boolean NOT NULL,
    kk               text NOT NULL DEFAULT '' CHECK (kk = '' OR kk ~ '^[0-9]{16}$'),
    mother_name      text NOT NULL DEFAULT '',
    relationship     text NOT NULL DEFAULT '',
    marital_status   text NOT NULL DEFAULT '',

    village_code     text REFERENCES regions (code),
    district_code    text REFERENCES regions (code),
    regency_code     text NOT NULL REFERENCES regions (code),
    province_code    text NOT NULL REFERENCES regions (code),
    rt               text NOT NULL DEFAULT '',
    rw               text NOT NULL DEFAULT '',
    street           text NOT NULL DEFAULT '',

    occupation       text NOT NULL DEFAULT '',
    condition        text NOT NULL DEFAULT '',
    house_photo_id   text NOT NULL DEFAULT '',
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),

    nik_region_check text NOT NULL DEFAULT '' CHECK (nik_region_check IN ('', 'match', 'differs', 'unknown')),
    nik_birth_check  text NOT NULL DEFAULT '' CHECK (nik_birth_check IN ('', 'match', 'differs')),
    nik_warnings     text[] NOT NULL DEFAULT '{}',

    created_at       timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT registrations_location_check CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX registrations_regency_created_idx ON registrations (regency_code, created_at);
CREATE INDEX registrations_volunteer_created_idx ON registrations (volunteer_id, created_at);

COMMENT ON TABLE registrations IS 'Pre-proposals (usulan) of people needing assistance for DTKS/DTSEN, filed with /usul; Dinas Sosial verifies them. One record per person (NIK). Contains personal data protected by UU PDP and UU Adminduk.';
COMMENT ON COLUMN registrations.code IS 'Human-readable id shown to volunteers, e.g. REG-7K2Q.';
COMMENT ON COLUMN registrations.submission_id IS 'Idempotency key of the conversation that filed the proposal.';
COMMENT ON COLUMN registrations.volunteer_id IS 'Volunteer who filed the proposal (volunteers.id).';
COMMENT ON COLUMN registrations.criterion IS 'DTKS criterion after Permensos 3/2021 (option key of /usul: kemiskinan, ketelantaran, kecacatan, keterpencilan, …).';
COMMENT ON COLUMN registrations.category IS 'PPKS sub-category after Permensos 08/2012 (option key of /usul, one of the 26 types); empty when none.';
COMMENT ON COLUMN registrations.nik IS 'Nomor Induk Kependudukan, 16 digits; unique. Personal data: never copy into broadcasts or logs.';
COMMENT ON COLUMN registrations.name IS 'Nama lengkap as on KTP/KK.';
COMMENT ON COLUMN registrations.birth_place IS 'Tempat lahir.';
COMMENT ON COLUMN registrations.birth_date IS 'Tanggal lahir; NULL when not given.';
COMMENT ON COLUMN registrations.female IS 'Jenis kelamin: true = perempuan, false = laki-laki.';
COMMENT ON COLUMN registrations.kk IS 'Nomor KK, 16 digits, as of created_at (a KK number changes over time); empty when not given.';
COMMENT ON COLUMN registrations.mother_name IS 'Nama ibu kandung.';
COMMENT ON COLUMN registrations.relationship IS 'Status hubungan dalam keluarga (option key of /usul: kepala keluarga, istri, anak…).';
COMMENT ON COLUMN registrations.marital_status IS 'Status kawin (option key of /usul).';
COMMENT ON COLUMN registrations.village_code IS 'Desa/kelurahan of residence (regions.code, level 4); NULL when not given.';
COMMENT ON COLUMN registrations.district_code IS 'Kecamatan of residence (regions.code, level 3); NULL when not given.';
COMMENT ON COLUMN registrations.regency_code IS 'Kabupaten/kota of residence (regions.code, level 2).';
COMMENT ON COLUMN registrations.province_code IS 'Provinsi of residence (regions.code, level 1).';
COMMENT ON COLUMN registrations.rt IS 'RT of residence.';
COMMENT ON COLUMN registrations.rw IS 'RW of residence.';
COMMENT ON COLUMN registrations.street IS 'Street address or landmark.';
COMMENT ON COLUMN registrations.occupation IS 'Pekerjaan.';
COMMENT ON COLUMN registrations.condition IS 'Kondisi: the volunteer''s description of the person''s situation.';
COMMENT ON COLUMN registrations.house_photo_id IS 'Telegram file id of the photo of the house front; empty when none.';
COMMENT ON COLUMN registrations.latitude IS 'Latitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN registrations.longitude IS 'Longitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN registrations.nik_region_check IS 'NIK region digits vs the address at entry: match, differs, unknown (code not in the region list); empty when not checked. A warning, never a refusal.';
COMMENT ON COLUMN registrations.nik_birth_check IS 'NIK birth-date and sex digits vs the entered birth date and sex: match, differs; empty when not checked.';
COMMENT ON COLUMN registrations.nik_warnings IS 'Warnings shown to the volunteer about the NIK at entry.';
COMMENT ON COLUMN registrations.created_at IS 'When Mitra stored the proposal.';

CREATE TABLE visits (
    id               bigserial PRIMARY KEY,
    code             text NOT NULL CONSTRAINT visits_code_key UNIQUE,
    submission_id    text NOT NULL CONSTRAINT visits_submission_id_key UNIQUE CHECK (submission_id <> ''),
    volunteer_id     bigint NOT NULL REFERENCES volunteers (id),

    target_kind      text NOT NULL CHECK (target_kind IN ('kpm_pkh', 'registration', 'lks', 'other')),
    target_name      text NOT NULL DEFAULT '',
    registration_id  bigint REFERENCES registrations (id),
    lks_type         text NOT NULL DEFAULT '',

    purpose          text NOT NULL DEFAULT '',
    visited_on       date NOT NULL,
    result           text NOT NULL CHECK (result IN ('selesai', 'dijadwalkan_ulang', 'tidak_bertemu')),
    next_visit_on    date,
    reason           text NOT NULL DEFAULT '',

    findings         text NOT NULL DEFAULT '',
    obstacles        text NOT NULL DEFAULT '',
    follow_up        text NOT NULL DEFAULT '',

    lks_needs        text[] NOT NULL DEFAULT '{}',
    funding_sources  text[] NOT NULL DEFAULT '{}',
    photo_file_ids   text[] NOT NULL DEFAULT '{}',
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    regency_code     text NOT NULL REFERENCES regions (code),
    district_code    text REFERENCES regions (code),

    created_at       timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT visits_next_visit_on_check CHECK (result = 'selesai' OR next_visit_on IS NOT NULL),
    CONSTRAINT visits_location_check CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX visits_regency_created_idx ON visits (regency_code, created_at);
CREATE INDEX visits_volunteer_created_idx ON visits (volunteer_id, created_at);
CREATE INDEX visits_registration_idx ON visits (registration_id) WHERE registration_id IS NOT NULL;

COMMENT ON TABLE visits IS 'Field visit check-ins (kunjungan rumah, verifikasi komitmen PKH, monev LKS) filed with /kunjungan.';
COMMENT ON COLUMN visits.code IS 'Human-readable id shown to volunteers, e.g. KNJ-7K2Q.';
COMMENT ON COLUMN visits.submission_id IS 'Idempotency key of the conversation that filed the visit.';
COMMENT ON COLUMN visits.volunteer_id IS 'Volunteer who made the visit (volunteers.id).';
COMMENT ON COLUMN visits.target_kind IS 'Jenis sasaran: kpm_pkh (KPM PKH), registration (a person proposed through /usul), lks (Lembaga Kesejahteraan Sosial), other.';
COMMENT ON COLUMN visits.target_name IS 'Name of the person, family or LKS visited.';
COMMENT ON COLUMN visits.registration_id IS 'The proposal visited (registrations.id) when target_kind = registration.';
COMMENT ON COLUMN visits.lks_type IS 'Kind of LKS (option key of /kunjungan: LKSA, LKS-LU, pesantren…) when target_kind = lks.';
COMMENT ON COLUMN visits.purpose IS 'Tujuan kunjungan (option key of /kunjungan: verifikasi komitmen, pemutakhiran data, asesmen, pendampingan, monev LKS…).';
COMMENT ON COLUMN visits.visited_on IS 'Tanggal kunjungan, in the local time of the region.';
COMMENT ON COLUMN visits.result IS 'Hasil: selesai, dijadwalkan_ulang (rescheduled), tidak_bertemu (nobody met).';
COMMENT ON COLUMN visits.next_visit_on IS 'Tanggal kunjungan ulang; required unless result = selesai.';
COMMENT ON COLUMN visits.reason IS 'Why the visit was rescheduled or nobody was met.';
COMMENT ON COLUMN visits.findings IS 'Hasil/temuan.';
COMMENT ON COLUMN visits.obstacles IS 'Kendala.';
COMMENT ON COLUMN visits.follow_up IS 'Tindak lanjut / rujukan.';
COMMENT ON COLUMN visits.lks_needs IS 'Needs of the LKS visited (keys).';
COMMENT ON COLUMN visits.funding_sources IS 'Funding sources of the LKS visited (keys).';
COMMENT ON COLUMN visits.photo_file_ids IS 'Telegram file ids of the photos, in the order sent.';
COMMENT ON COLUMN visits.latitude IS 'Latitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN visits.longitude IS 'Longitude of the shared location (WGS84); NULL when none was shared.';
COMMENT ON COLUMN visits.regency_code IS 'Kabupaten/kota of the visit (regions.code, level 2).';
COMMENT ON COLUMN visits.district_code IS 'Kecamatan of the visit (regions.code, level 3); NULL when not given.';
COMMENT ON COLUMN visits.created_at IS 'When Mitra stored the visit.';

CREATE TABLE reminders (
    id           bigserial PRIMARY KEY,
    volunteer_id bigint NOT NULL REFERENCES volunteers (id),
    visit_id     bigint REFERENCES visits (id),
    regency_code text REFERENCES regions (code),
    due_at       timestamptz NOT NULL,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
    note         text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);
-- The reminder worker claims due rows with FOR UPDATE SKIP LOCKED.
CREATE INDEX reminders_pending_due_idx ON reminders (due_at) WHERE status = 'pending';
CREATE INDEX reminders_volunteer_pending_idx ON reminders (volunteer_id, due_at) WHERE status = 'pending';
CREATE INDEX reminders_visit_idx ON reminders (visit_id) WHERE visit_id IS NOT NULL;

COMMENT ON TABLE reminders IS 'Scheduled nudges to volunteers, such as the date of a rescheduled visit.';
COMMENT ON COLUMN reminders.volunteer_id IS 'Volunteer to remind (volunteers.id).';
COMMENT ON COLUMN reminders.visit_id IS 'Visit the reminder is for (visits.id); NULL for other reminders.';
COMMENT ON COLUMN reminders.regency_code IS 'Kabupaten/kota of the visit, copied for filtering; NULL for reminders without a visit.';
COMMENT ON COLUMN reminders.due_at IS 'When to send the reminder.';
COMMENT ON COLUMN reminders.status IS 'pending (to send), sent, cancelled.';
COMMENT ON COLUMN reminders.note IS 'Text of the reminder shown to the volunteer.';
COMMENT ON COLUMN reminders.created_at IS 'When Mitra scheduled the reminder.';
COMMENT ON COLUMN reminders.sent_at IS 'When the reminder was sent; NULL until then.';
