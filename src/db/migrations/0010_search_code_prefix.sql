-- 0010: a term shaped like a power code ('150200-012', '150200-012-XK-00001') is looked up by
-- prefix in the codes (query.ts): its grams are digits and dashes common to every code, which
-- no gram index can narrow down (70 ms at a million powers; this index: under 1 ms).
create index power_current_code_prefix_idx on power (code text_pattern_ops) where valid_to is null;
