import type { ZodError } from 'zod';
import { msg, type Message } from './catalogue';

type Issue = ZodError['issues'][number];

/** Custom refinements of the shared schemas, known by the start of their English message. */
const CUSTOM: readonly (readonly [string, Message])[] = [
  ['contains a control character', msg('value.control')],
  ['not a calendar date', msg('value.notDate')],
  ['a target applies to', msg('value.targetScope')],
  ['`from` must not be after `to`', msg('value.fromAfterTo')],
  ['a unit head is bound', msg('user.unitBinding')],
];

/** One zod issue as a message of the catalogue; the field it is about is named beside it (`field`), not in it. */
export function zodIssueMessage(issue: Issue): Message {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? msg('value.empty') : msg('value.tooShort', { min: Number(issue.minimum) });
      return Number(issue.minimum) === 0 ? msg('value.negative') : msg('value.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? msg('value.tooLong', { max: Number(issue.maximum) }) : msg('value.tooLarge', { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'int' ? msg('value.notInteger') : msg('value.wrongType');
    case 'invalid_value':
      return msg('value.notOneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return msg('value.badFormat');
    case 'custom':
      return CUSTOM.find(([start]) => issue.message.startsWith(start))?.[1] ?? msg('value.invalid');
    default:
      return msg('value.invalid');
  }
}

/** The first issue's field (its path, dotted) and message: what a form shows beside the field it names. */
export function zodErrorMessage(error: ZodError): { message: Message; field: string | null } {
  const first = error.issues[0];
  if (!first) return { message: msg('request.invalid'), field: null };
  return { message: zodIssueMessage(first), field: first.path.length > 0 ? first.path.join('.') : null };
}
