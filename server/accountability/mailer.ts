import { createTransport } from 'nodemailer';
import type { Env } from '../env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Sends over SMTP (`smtp://` or `smtps://`, credentials in the URL); a dead server fails within seconds, not minutes. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** The mailer `CHISO_SMTP_URL` asks for, or none: notices then stay in the dashboard. */
export function mailerFromEnv(env: Pick<Env, 'CHISO_SMTP_URL' | 'CHISO_SMTP_FROM'>): Mailer | null {
  return env.CHISO_SMTP_URL ? smtpMailer(env.CHISO_SMTP_URL, env.CHISO_SMTP_FROM) : null;
}
