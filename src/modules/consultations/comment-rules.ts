// What a public comment may be (§12 公开征求意见, §15 意见和建议): validated on the server only,
// so the form works without JavaScript. Limits are platform settings, not the regulation's.
import { z } from 'zod';

export const COMMENT_LIMITS = {
  nameMax: 30,
  contactMax: 60,
  contentMin: 5,
  contentMax: 2000,
  /** per client address, across all consultations: enough for a service hall behind one address */
  perAddressPerHour: 10,
  /** a signed form stays valid this long (minutes): a citizen may take time to write */
  tokenMinutes: 240,
} as const;

// §15: the three outcomes and their words are contract vocabulary (src/contract/consultations.ts).
export {
  DISPOSITION_LABELS,
  DISPOSITIONS,
  type Disposition,
  dispositionInput,
  moderationInput,
} from '../../contract/consultations.js';

// Control characters other than tab and newline are dropped; \r\n becomes \n.
const clean = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
const optional = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? '' : clean(v)))
    .pipe(z.string().max(max, `${label}不能超过${max}个字`))
    .transform((v) => v || null);

/** The public comment form (application/x-www-form-urlencoded). */
export const commentForm = z.object({
  name: optional(COMMENT_LIMITS.nameMax, '姓名或单位'),
  contact: optional(COMMENT_LIMITS.contactMax, '联系方式'),
  content: z
    .string({ message: '请填写意见内容' })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, '请填写意见内容')
        .min(COMMENT_LIMITS.contentMin, `意见内容至少${COMMENT_LIMITS.contentMin}个字`)
        .max(COMMENT_LIMITS.contentMax, `意见内容不能超过${COMMENT_LIMITS.contentMax}个字`),
    ),
  token: z.string().max(200).default(''),
});
export type CommentInput = z.output<typeof commentForm>;

/** Field → first Chinese message, for re-rendering the form. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const f = String(i.path[0] ?? 'form');
    out[f] ??= i.message;
  }
  return out;
}
