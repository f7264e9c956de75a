import { useTranslation } from 'react-i18next';
import type { Evidence, MailAttachmentEvidence } from '@deskside/core';
import { formatDateTime } from '../../i18n/format';
import { CheckEvidence } from '../checks/CheckEvidence';
import { InventorySections } from '../inventory/InventorySections';
import { InventoryDiffView } from '../inventory-changes/InventoryDiffView';

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t, i18n } = useTranslation();
  if (evidence.length === 0) return <p className="muted">{t('evidence.empty')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((item) =>
        item.kind === 'mail-attachment' ? (
          <MailAttachment key={item.id} item={item} />
        ) : (
          <li key={item.id} className="panel evidence">
            <h3>
              {item.kind === 'checks'
                ? t('checks.evidence.from', { machine: item.machineName })
                : item.kind === 'inventory-diff'
                  ? t('inventoryChanges.evidenceFrom', { machine: item.machineName })
                  : t('evidence.inventoryFrom', { machine: item.machineName })}
            </h3>
            <p className="muted">
              {t('evidence.takenBy', {
                name: item.takenBy,
                date: formatDateTime(item.takenAt, i18n.language),
              })}
              {' · '}
              {t('evidence.transport')} {t(`transport.${item.transport}`)}
            </p>
            <p className="muted">
              {t('evidence.sha256')} <code className="hash">{item.sha256}</code>
            </p>
            {item.kind === 'checks' ? (
              <CheckEvidence evidence={item} />
            ) : item.kind === 'inventory-diff' ? (
              <InventoryDiffView comparison={item.content} />
            ) : (
              <InventorySections inventory={item.content} />
            )}
            <details>
              <summary>{t('evidence.raw')}</summary>
              {/* Focusable, so the long JSON can be scrolled with the keyboard. */}
              <pre className="raw" tabIndex={0}>
                {JSON.stringify(item.content, null, 2)}
              </pre>
            </details>
          </li>
        ),
      )}
    </ul>
  );
}

/** A file that came with an e-mail: named and hashed, never opened or rendered here. */
function MailAttachment({ item }: { item: MailAttachmentEvidence }) {
  const { t, i18n } = useTranslation();
  const { content } = item;
  return (
    <li className="panel evidence">
      <h3>{t('evidence.mailAttachment', { name: content.fileName, from: content.from })}</h3>
      <p className="muted">
        {t('evidence.takenBy', {
          name: item.takenBy,
          date: formatDateTime(item.takenAt, i18n.language),
        })}
        {' · '}
        {t('evidence.mailAttachmentFile', { type: content.contentType, size: content.size })}
      </p>
      <p className="muted">
        {t('evidence.sha256')} <code className="hash">{content.sha256}</code>
      </p>
      {content.data === null ? <p>{t('evidence.mailAttachmentTooLarge')}</p> : null}
    </li>
  );
}
