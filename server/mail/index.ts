import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail: an SMTP server here, whatever relay the operator runs. */
export interface MailSender {
  /** Resolves once the server has accepted the message for delivery; rejects otherwise. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * The sender for `AMAN_SMTP_URL` (`smtp://user:password@host:587`, or `smtps://` for TLS from the
 * start), or null where no mail server is configured: then nothing offers to send e-mail.
 */
export function createMailSender(config: { smtpUrl: string; from: string } | null): MailSender | null {
  if (config === null) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
    close: () => transport.close(),
  };
}
