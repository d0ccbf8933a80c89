// A real SMTP server for tests (issue 12.6): what the platform sends arrives here and is read back
// decoded (envelope recipient, Subject, text). `failWith` makes it refuse every mail, like a server
// that is down for the day.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  received: Received[];
  /** a message of a temporary refusal (451); null = accept */
  failWith: string | null;
  /** resolves once `n` mails have arrived (or rejects after `ms`) */
  waitFor(n: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

function decodeWords(v: string): string {
  // adjacent encoded words are one text: join their bytes before decoding UTF-8
  const parts: Buffer[] = [];
  let rest = v.replace(/\?=\s+=\?/g, '?==?');
  let plain = '';
  const re = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  let last = 0;
  for (const m of rest.matchAll(re)) {
    if (m.index! > last) {
      plain += Buffer.concat(parts).toString('utf8') + rest.slice(last, m.index);
      parts.length = 0;
    }
    parts.push(m[1]!.toLowerCase() === 'b' ? Buffer.from(m[2]!, 'base64') : qp(m[2]!.replace(/_/g, ' ')));
    last = m.index! + m[0].length;
  }
  rest = rest.slice(last);
  return plain + Buffer.concat(parts).toString('utf8') + rest;
}

function qp(s: string): Buffer {
  const bytes: number[] = [];
  const t = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(t[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

export function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? qp(body).toString('utf8')
        : body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    received: [],
    failWith: null,
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (sink.received.length < n) {
        if (Date.now() > until) throw new Error(`SMTP: ${sink.received.length} mail(s) arrived, expected ${n}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return sink.received;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, cb) {
      if (sink.failWith) {
        const e = new Error(sink.failWith) as Error & { responseCode: number };
        e.responseCode = 451;
        return cb(e);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...decodeMail(Buffer.concat(chunks).toString('utf8')),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
