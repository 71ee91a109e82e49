/** What one imported file may hold. The CLI and the server take `maxRows` from CHISO_MAX_ROWS. */
export interface ImportLimits {
  /** Rows read, counting title rows and empty rows: work is bounded even for a sheet of empty rows. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxRows: 5_000_000 };

import type { Message } from '../../shared/messages/catalogue';
import { renderMessage } from '../../shared/messages/render';

/** A file refused as a whole, before or while its rows are read: too large, not decodable, not a workbook. */
export class FileRefusal extends Error {
  constructor(
    /** Why, as a message of the catalogue; the Error's own message is its English text. */
    readonly reason: Message,
    /** The line or sheet row where reading stopped, when there is one. */
    readonly line: number | null = null,
  ) {
    super(renderMessage(reason));
  }
}
