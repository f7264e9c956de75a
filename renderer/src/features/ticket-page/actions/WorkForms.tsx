import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImpactSchema,
  TierSchema,
  UrgencySchema,
  categoryIds,
  type Impact,
  type Tier,
  type Urgency,
} from '@deskside/core';
import { categoryLabel, groupName } from '../../queue/labels';
import { useActionForm, useFormField, type ActionContext } from '../action-form';
import { ActionForm } from '../ActionForm';
import { SelectField, TextArea, TextField } from '../Fields';

type Props = { context: ActionContext };
const NONE = '';

/** Who works on it: an analyst (anyone; the groups' members are suggested) and a group. */
export function AssignForm({ context }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const form = useActionForm(context, 'tickets.assign');
  const { ticket } = context.detail;
  const { groups } = context.config;
  const assignee = useFormField(form, 'assignee', ticket.assignee ?? context.analyst);
  const groupId = useFormField(form, 'groupId', ticket.groupId ?? NONE);
  const members = [...new Set([context.analyst, ...groups.flatMap((g) => g.members)])];
  const submit = () => {
    form.submit({
      id: ticket.id,
      expectedVersion: form.version,
      assignee: assignee.value.trim() || null,
      groupId: groupId.value || null,
    });
  };
  return (
    <ActionForm action="assign" context={context} form={form} onSubmit={submit}>
      <TextField
        label={t('ticket.forms.assignee')}
        hint={t('ticket.forms.assigneeHint')}
        list={listId}
        {...assignee}
      />
      <datalist id={listId}>
        {members.map((member) => (
          <option key={member} value={member} />
        ))}
      </datalist>
      <SelectField
        label={t('ticket.forms.group')}
        options={[NONE, ...groups.map((g) => g.id)]}
        optionLabel={(id) => (id === NONE ? t('ticket.forms.noGroup') : groupName(groups, id))}
        {...groupId}
      />
    </ActionForm>
  );
}

const rank = (tier: Tier) => TierSchema.options.indexOf(tier);

/** Hands the ticket to a higher (or back to a lower) support line, with the reason. */
export function TierForm({ context, action }: Props & { action: 'escalate' | 'deescalate' }) {
  const { t } = useTranslation();
  const { ticket } = context.detail;
  const form = useActionForm(
    context,
    action === 'escalate' ? 'tickets.escalate' : 'tickets.deescalate',
  );
  const tiers = TierSchema.options.filter((tier) =>
    action === 'escalate' ? rank(tier) > rank(ticket.tier) : rank(tier) < rank(ticket.tier),
  );
  const tier = useFormField<Tier>(form, 'tier', tiers[0] ?? ticket.tier);
  const groups = context.config.groups.filter((group) => group.tier === tier.value);
  const groupId = useFormField(form, 'groupId', NONE);
  const reason = useFormField(form, 'reason', '');
  const chosenGroup = groups.some((g) => g.id === groupId.value) ? groupId.value : NONE;
  const submit = () => {
    form.submit({
      id: ticket.id,
      expectedVersion: form.version,
      tier: tier.value,
      reason: reason.value,
      ...(chosenGroup ? { groupId: chosenGroup } : {}),
    });
  };
  return (
    <ActionForm action={action} context={context} form={form} onSubmit={submit}>
      <SelectField
        label={t('ticket.forms.tier')}
        options={tiers}
        optionLabel={(option) => t(`ticket.tier.${option}`)}
        {...tier}
      />
      <SelectField
        label={t('ticket.forms.group')}
        options={[NONE, ...groups.map((g) => g.id)]}
        optionLabel={(id) => (id === NONE ? t('ticket.forms.keepGroup') : groupName(groups, id))}
        {...groupId}
        value={chosenGroup}
      />
      <TextArea label={t('ticket.forms.reason')} {...reason} />
    </ActionForm>
  );
}

/** Triage: category, impact and urgency (the priority follows from the desk's matrix). */
export function EditForm({ context }: Props) {
  const { t } = useTranslation();
  const { ticket } = context.detail;
  const form = useActionForm(context, 'tickets.update');
  const category = useFormField(form, 'changes.category', ticket.category ?? NONE);
  const impact = useFormField<Impact>(form, 'changes.impact', ticket.impact);
  const urgency = useFormField<Urgency>(form, 'changes.urgency', ticket.urgency);
  const level = (value: Impact) => t(`ticket.level.${value}`);
  const submit = () => {
    form.submit({
      id: ticket.id,
      expectedVersion: form.version,
      changes: { category: category.value || null, impact: impact.value, urgency: urgency.value },
    });
  };
  return (
    <ActionForm
      action="edit"
      submitLabel={t('ticket.forms.save')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <SelectField
        label={t('queue.category')}
        options={[NONE, ...categoryIds(context.config.categories)]}
        optionLabel={(id) => (id === NONE ? t('ticket.forms.noCategory') : categoryLabel(id, t))}
        {...category}
      />
      <SelectField
        label={t('ticket.forms.impact')}
        options={ImpactSchema.options}
        optionLabel={level}
        {...impact}
      />
      <SelectField
        label={t('ticket.forms.urgency')}
        options={UrgencySchema.options}
        optionLabel={level}
        {...urgency}
      />
    </ActionForm>
  );
}
