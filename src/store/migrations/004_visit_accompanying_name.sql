-- The name of the person who accompanied a visit, when not picked from the chamber's or the desk's staff.
-- Kept apart from accompaniment_reason, so a name alone never counts as the reason R-D3 asks for.
ALTER TABLE visit ADD COLUMN accompanying_name TEXT NOT NULL DEFAULT '';
