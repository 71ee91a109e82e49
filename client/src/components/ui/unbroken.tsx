import { Fragment } from 'react';

/**
 * A sentence with some of its words kept on one line: a period code such as "2026-W47" may otherwise break after its
 * hyphen ("2026-" over "W47") in a narrow card. The sentence is the translated text itself, so word order stays the
 * language's; each occurrence of a part is wrapped, the rest left as it is.
 */
export function Unbroken({ text, parts }: { text: string; parts: readonly string[] }) {
  const wanted = parts.filter((p) => p.length > 0);
  if (wanted.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${wanted.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <>
      {text.split(pattern).map((piece, i) =>
        // split with one capturing group: odd pieces are the parts found.
        i % 2 === 1 ? <span key={i} className="nowrap">{piece}</span> : <Fragment key={i}>{piece}</Fragment>,
      )}
    </>
  );
}
