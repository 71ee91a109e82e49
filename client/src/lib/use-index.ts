import { useViewParam } from './use-view-params';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The index definition in the URL (`?index=qd766`), or undefined for the server's default (chiso-v2). */
export function useIndex(): { index: string | undefined; setIndex: (id: string | null) => void } {
  const [param, setIndex] = useViewParam('index');
  return { index: param && ID.test(param) ? param : undefined, setIndex };
}
