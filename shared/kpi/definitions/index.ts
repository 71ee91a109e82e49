import type { IndexDefinition } from '../../schemas/index-definition';
import { CHISO_V1, CHISO_V2 } from './chiso';
import { QD766 } from './qd766';

export { CHISO_V1, CHISO_V2 } from './chiso';
export { QD766, QD766_GROUPS } from './qd766';

export const DEFAULT_INDEX_ID = 'chiso-v2';

/** The definitions that ship with chiso; admins add others, or new versions of these, as data. */
export const SHIPPED_DEFINITIONS: readonly IndexDefinition[] = [CHISO_V2, CHISO_V1, QD766];
