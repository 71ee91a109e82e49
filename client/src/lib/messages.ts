import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessageCode, type Message } from '../../../shared/messages/catalogue';
import { formatParams } from '../../../shared/messages/render';

/** What the server said about a failure: the tRPC error's `data`, or the `error` body of an upload or a download. */
interface ErrorData {
  code?: string;
  httpStatus?: number;
  detail?: Message | null;
  field?: string | null;
}

function dataOf(error: unknown): ErrorData {
  return ((error as { data?: ErrorData } | null)?.data ?? {}) as ErrorData;
}

/** The message of the catalogue an error carries, when the server sent one the client knows. */
export function errorDetail(error: unknown): { detail: Message | null; field: string | null } {
  const { detail, field } = dataOf(error);
  return { detail: detail && isMessageCode(detail.code) ? detail : null, field: field ?? null };
}

/** A refusal (HTTP 403): the page shows "not allowed", not a loading failure with "retry". */
export function isForbidden(error: unknown): boolean {
  const data = dataOf(error);
  return data.code === 'FORBIDDEN' || data.httpStatus === 403;
}

/** Errors a second try cannot cure: the request itself is refused. */
export function isClientError(error: unknown): boolean {
  const status = dataOf(error).httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** Renders messages of the catalogue in the current language (decision 023). */
export function useMessages() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const render = useCallback(
    (message: Message) => t(message.code, { ns: 'messages', keySeparator: false, nsSeparator: false, ...formatParams(message, lang) }),
    [t, lang],
  );
  /** An error as the reader should see it: its message in their language, the field it is about named first. */
  const describe = useCallback(
    (error: { message: string } & object) => {
      const { detail, field } = errorDetail(error);
      if (!detail) return error.message;
      const text = render(detail);
      return field ? `${t(`fields.${field}`, { defaultValue: field })}: ${text}` : text;
    },
    [render, t],
  );
  return { render, describe };
}
