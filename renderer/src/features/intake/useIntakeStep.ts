import { useQueryClient } from '@tanstack/react-query';
import type { IntakeState } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';

/** The call's state as the console answered it, shown at once (then read again). */
function useShowState() {
  const queryClient = useQueryClient();
  return (state: IntakeState) => {
    queryClient.setQueryData(['intake.get', { ticketId: state.ticket.id }], state);
  };
}

export function useAnswerStep() {
  const show = useShowState();
  return useApiMutation('intake.answer', { onSuccess: show });
}

export function useRecordChecks(options: { onSuccess?: () => void } = {}) {
  const show = useShowState();
  return useApiMutation('intake.recordChecks', {
    onSuccess: (state) => {
      show(state);
      options.onSuccess?.();
    },
  });
}

export function useEscalateCall() {
  const show = useShowState();
  return useApiMutation('intake.escalate', { onSuccess: show });
}

export function useResolveCall() {
  const show = useShowState();
  return useApiMutation('intake.resolve', { onSuccess: show });
}
