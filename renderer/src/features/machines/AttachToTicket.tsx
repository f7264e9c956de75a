import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { TicketPicker } from '../ticket-picker/TicketPicker';

export function AttachToTicket({ snapshotId }: { snapshotId: string }) {
  const { t } = useTranslation();
  const attach = useApiMutation('tickets.attachInventory');
  return (
    <TicketPicker
      title={t('attach.title')}
      submitLabel={t('attach.submit')}
      pending={attach.isPending}
      error={attach.error}
      attachedTo={attach.data?.ticketId ?? null}
      onAttach={(ticketId) => {
        attach.mutate({ ticketId, snapshotId });
      }}
    />
  );
}
