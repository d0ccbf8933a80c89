// Issue 12.6: a user's e-mail address for notices (the inbox's items also by mail).
import { z } from 'zod';

export const emailBody = z.object({
  /** null clears it: notices then stay in the in-app inbox only */
  email: z.email({ message: '邮箱格式不正确' }).max(254, { message: '邮箱过长' }).nullable(),
});
export type EmailBody = z.infer<typeof emailBody>;

export const emailAnswer = z.object({ userId: z.number().int(), email: z.string().nullable() });
