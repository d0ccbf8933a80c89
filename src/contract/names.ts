// Shared vocabulary (issue 11.1): imports only zod, so the core, the modules and the workspace can all use it.
// Issue 10.10: names people read and tell apart (bodies, users, powers, duties, documents,
// attached files). Stored in Unicode NFC, trimmed, and never with a character that is invisible
// or turns text around: a trailing zero-width space made a second "same" body beside the real
// one, U+202E showed "‮FDP.exe.pdf" as "fdp.exe" reversed. Uniqueness checks compare these forms.
import { z } from 'zod';

/**
 * Zero-width and format characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, Mongolian
 * vowel separator, Hangul fillers, interlinear annotations), bidi marks, embeddings, overrides
 * and isolates, and C0/C1 controls.
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/u;

export const hasInvisible = (s: string) => INVISIBLE.test(s);

/** The form a name is stored and compared in. */
export const normalName = (s: string) => s.normalize('NFC').trim();

export const invisibleMessage = (label: string) => `${label}含有零宽字符、文字方向控制符等不可见字符，请删除后重新输入`;

/**
 * The one schema for a name-like input: NFC, trimmed, min/max length in characters, no
 * invisible or direction-changing characters (VALIDATION_FAILED naming the field).
 */
export function nameText(label: string, max: number, min = 1) {
  return z
    .string({ message: `请输入${label}` })
    .normalize('NFC')
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请输入${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !hasInvisible(s), { message: invisibleMessage(label) });
}

/** An optional name-like input that may be empty (e.g. a short name). */
export function optNameText(label: string, max: number) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !hasInvisible(s), { message: invisibleMessage(label) });
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** What two names are compared by: NFC, trimmed, invisible characters left out (rows stored before 10.10 may hold them). */
export const nameKey = (s: string) => normalName(s.replace(INVISIBLE_ALL, ''));
