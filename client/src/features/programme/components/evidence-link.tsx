import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import { evidenceUrl } from '../api/evidence';

interface Evidence {
  id: number;
  fileName: string;
  size: number;
}

/** A link that downloads a value's evidence file (the server always sends it as an attachment). */
export function EvidenceLink({ evidence }: { evidence: Evidence }) {
  const { t, i18n } = useTranslation();
  return (
    <a href={evidenceUrl(evidence.id)} download={evidence.fileName} className="small">
      {t('programme.evidenceLink', { name: evidence.fileName, size: formatCount(Math.max(1, Math.ceil(evidence.size / 1024)), i18n.language) })}
    </a>
  );
}
