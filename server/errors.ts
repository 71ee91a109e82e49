import type { Message } from '../shared/messages/catalogue';
import { renderMessage } from '../shared/messages/render';

export type UserErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

/**
 * An error whose message is safe and useful to show to the user as it is. Given a message of the catalogue, the
 * dashboard renders it in the reader's language (`detail`); a plain string (the CLI's own errors) stays English.
 */
export class UserError extends Error {
  readonly detail: Message | null;
  constructor(
    readonly code: UserErrorCode,
    message: Message | string,
    /** The input field the message is about, named beside it. */
    readonly field: string | null = null,
  ) {
    const text = typeof message === 'string' ? message : renderMessage(message);
    super(field ? `${field}: ${text}.` : text);
    this.name = 'UserError';
    this.detail = typeof message === 'string' ? null : message;
  }
}
