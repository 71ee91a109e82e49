import { MESSAGE_CODES, MESSAGES, type MessageCode } from './catalogue';

/** The English text of every message, as the catalogue declares it. */
export const MESSAGES_EN = Object.fromEntries(MESSAGE_CODES.map((code) => [code, MESSAGES[code].en])) as Record<MessageCode, string>;
