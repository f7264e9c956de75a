import { useId } from 'react';

/** A labelled search box reporting what is typed; `grow` lets it take a row's free room. */
export function SearchField({
  label,
  value,
  onChange,
  grow = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  grow?: boolean;
}) {
  const id = useId();
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
