import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import {
  apiContract,
  type ApiInput,
  type ApiOutput,
  type ApiMethod,
  type TicketDetail,
  type WorkflowConfig,
} from '@deskside/core';
import type { ApiError } from '../../api/client';
import { useApiMutation, useRefreshAfter } from '../../api/hooks';
import { fieldProblems, type FieldProblem } from '../../i18n/field-problems';

/** What every action form on the ticket page works with. */
export interface ActionContext {
  detail: TicketDetail;
  config: WorkflowConfig;
  analyst: string;
  now: Date;
  /** Reads the ticket again; resolves with what the console has now. */
  reload: () => Promise<TicketDetail | undefined>;
  /** The action was recorded: close the form. */
  done: () => void;
  cancel: () => void;
}

/** Codes after which the page's copy of the ticket is out of date. */
const OUTDATED = new Set(['stale_version', 'invalid_transition', 'not_found']);

/** What `useActionForm` answers (named, so the compiler need not spell it out per method). */
export interface ActionForm<M extends ApiMethod> {
  version: number;
  problems: Record<string, FieldProblem>;
  submit: (input: ApiInput<M>) => void;
  reload: () => Promise<void>;
  mutation: UseMutationResult<ApiOutput<M>, ApiError, ApiInput<M>>;
}

/**
 * One action's form state: the version the analyst started from (kept while they type, so a
 * change someone else makes meanwhile is refused, never overwritten), the contract's own
 * validation before sending, and reloading after a refusal without losing what was typed.
 */
export function useActionForm<M extends ApiMethod>(
  context: ActionContext,
  method: M,
  versionOf: (detail: TicketDetail) => number | undefined = (detail) => detail.ticket.version,
): ActionForm<M> {
  const refreshAfter = useRefreshAfter();
  const [version, setVersion] = useState(() => versionOf(context.detail) ?? 1);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const mutation = useApiMutation(method, {
    onSuccess: () => {
      context.done();
    },
    onError: (error) => {
      if (OUTDATED.has(error.code)) void refreshAfter(['ticket.changed']);
    },
  });
  const submit = (input: ApiInput<M>) => {
    const found = fieldProblems(apiContract[method].input, input);
    setProblems(found);
    if (Object.keys(found).length === 0) mutation.mutate(input);
  };
  const reload = async () => {
    const fresh = await context.reload();
    const freshVersion = fresh ? versionOf(fresh) : undefined;
    if (freshVersion !== undefined) setVersion(freshVersion);
    mutation.reset();
  };
  return { version, problems, submit, reload, mutation };
}

/** One field of an action form: its value, setter and problem, spread onto a field component. */
export function useFormField<T>(
  form: { problems: Record<string, FieldProblem> },
  path: string,
  initial: T,
) {
  const [value, setValue] = useState(initial);
  return { value, onChange: setValue, problem: form.problems[path] };
}
