import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChannelSchema,
  PRIORITIES,
  QueueSortSchema,
  TicketStatusSchema,
  categoryIds,
  type CategoryTree,
} from '@deskside/core';
import { categoryLabel } from './labels';
import { DEFAULT_FILTERS, isFiltered, toggled, type QueueFilters } from './queue-query';

const SEARCH_DELAY_MS = 300;

function CheckboxGroup<T extends string | number>({
  legend,
  options,
  chosen,
  label,
  onToggle,
}: {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  label: (option: T) => string;
  onToggle: (option: T) => void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="chip">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={() => {
              onToggle(option);
            }}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

function Toggle({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="chip">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      {children}
    </label>
  );
}

/**
 * Search, sort and every filter of the queue; changes go straight into the address, the
 * search once the analyst pauses typing.
 */
export function QueueFiltersPanel({
  filters,
  update,
  categories,
  searchRef,
}: {
  filters: QueueFilters;
  /** Changes some filters, keeping the others as the address has them at that moment. */
  update: (changes: Partial<QueueFilters>) => void;
  categories: CategoryTree;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const ids = { search: useId(), sort: useId(), direction: useId(), category: useId() };
  const [typed, setTyped] = useState(filters.search);
  const pending = useRef<number | undefined>(undefined);
  const set = update;
  const type = (value: string) => {
    setTyped(value);
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => {
      update({ search: value });
    }, SEARCH_DELAY_MS);
  };
  useEffect(
    () => () => {
      window.clearTimeout(pending.current);
    },
    [],
  );

  return (
    <section className="panel queue-filters" aria-label={t('queue.filters')}>
      <div className="queue-search-row">
        <label htmlFor={ids.search} className="visually-hidden">
          {t('queue.search')}
        </label>
        <input
          id={ids.search}
          ref={searchRef}
          type="search"
          className="queue-search"
          placeholder={t('queue.searchPlaceholder')}
          value={typed}
          maxLength={200}
          onChange={(event) => {
            type(event.target.value);
          }}
        />
        <label htmlFor={ids.sort}>{t('queue.sortBy')}</label>
        <select
          id={ids.sort}
          value={filters.sort ?? ''}
          onChange={(event) => {
            const sort = QueueSortSchema.safeParse(event.target.value);
            set({ sort: sort.success ? sort.data : null, direction: null });
          }}
        >
          <option value="">{t('queue.sort.default')}</option>
          {QueueSortSchema.options.map((sort) => (
            <option key={sort} value={sort}>
              {t(`queue.sort.${sort}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.direction} className="visually-hidden">
          {t('queue.direction')}
        </label>
        <select
          id={ids.direction}
          value={filters.direction ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            set({ direction: value === 'asc' || value === 'desc' ? value : null });
          }}
        >
          <option value="">{t('queue.directionDefault')}</option>
          <option value="asc">{t('queue.ascending')}</option>
          <option value="desc">{t('queue.descending')}</option>
        </select>
      </div>
      <div className="filter-row">
        <Toggle
          checked={filters.mine}
          onChange={(mine) => {
            set({ mine });
          }}
        >
          {t('queue.mine')}
        </Toggle>
        <Toggle
          checked={filters.myGroups}
          onChange={(myGroups) => {
            set({ myGroups });
          }}
        >
          {t('queue.myGroups')}
        </Toggle>
        <Toggle
          checked={filters.slaAtRisk}
          onChange={(slaAtRisk) => {
            set({ slaAtRisk });
          }}
        >
          {t('queue.slaAtRisk')}
        </Toggle>
        <label htmlFor={ids.category}>{t('queue.category')}</label>
        <select
          id={ids.category}
          value={filters.category ?? ''}
          onChange={(event) => {
            set({ category: event.target.value || null });
          }}
        >
          <option value="">{t('queue.anyCategory')}</option>
          {categoryIds(categories).map((id) => (
            <option key={id} value={id}>
              {categoryLabel(id, t)}
            </option>
          ))}
        </select>
        {isFiltered(filters) && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              window.clearTimeout(pending.current);
              setTyped('');
              update(DEFAULT_FILTERS);
            }}
          >
            {t('queue.clearFilters')}
          </button>
        )}
      </div>
      <div className="filter-groups">
        <CheckboxGroup
          legend={t('queue.status')}
          options={TicketStatusSchema.options}
          chosen={filters.status}
          label={(status) => t(`status.${status}`)}
          onToggle={(status) => {
            set({ status: toggled(filters.status, status) });
          }}
        />
        <CheckboxGroup
          legend={t('queue.priority')}
          options={PRIORITIES}
          chosen={filters.priority}
          label={(priority) => t(`queue.priorityName.${priority}`)}
          onToggle={(priority) => {
            set({ priority: toggled(filters.priority, priority) });
          }}
        />
        <CheckboxGroup
          legend={t('queue.channel')}
          options={ChannelSchema.options}
          chosen={filters.channel}
          label={(channel) => t(`channel.${channel}`)}
          onToggle={(channel) => {
            set({ channel: toggled(filters.channel, channel) });
          }}
        />
      </div>
      {filters.status.length === 0 && <p className="muted">{t('queue.openByDefault')}</p>}
    </section>
  );
}
