import { z } from 'zod';
import { MESSAGE_CODES, type Message } from '../messages/catalogue';

/** A message of the catalogue as the API sends it: its code and parameters; the client renders it in its language. */
export const MessageSchema = z.object({
  code: z.enum(MESSAGE_CODES as [Message['code'], ...Message['code'][]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
}) as unknown as z.ZodType<Message>;
