-- A room's booking type from Microsoft Places and its own booking rules (Set-CalendarProcessing)
-- that the SDK enforces before writing. A null rule is not enforced.
ALTER TABLE ${prefix}calendars ADD COLUMN booking_type VARCHAR(16) DEFAULT 'UNKNOWN' NOT NULL;

ALTER TABLE ${prefix}calendars ADD COLUMN booking_window_days INTEGER;

ALTER TABLE ${prefix}calendars ADD COLUMN max_duration_minutes INTEGER;

ALTER TABLE ${prefix}calendars ADD COLUMN allow_conflicts BOOLEAN;

ALTER TABLE ${prefix}calendars ADD COLUMN allow_recurring BOOLEAN;
