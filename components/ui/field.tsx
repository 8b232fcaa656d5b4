import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";

/** The look of a text input or select, without a width (see `inputClass`). */
export const inputBaseClass =
  "block rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-xs outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/30 aria-invalid:border-danger disabled:opacity-60";
export const inputClass = `${inputBaseClass} w-full`;

interface FieldProps {
  label: ReactNode;
  /** A message about this field (e.g. from the server), shown under it in red. */
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A labelled control with its hint and error below; the control gets the id, aria-invalid and aria-describedby. */
function FieldShell({
  label,
  error,
  hint,
  className = "",
  render,
}: FieldProps & { render: (a11y: Record<string, string | boolean | undefined>) => ReactNode }) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {render({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="text-xs font-medium text-danger">
      {children}
    </p>
  );
}

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      className={className}
      render={(a11y) => <input className={inputClass} {...input} {...a11y} />}
    />
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      className={className}
      render={(a11y) => (
        <select className={inputClass} {...select} {...a11y}>
          {children}
        </select>
      )}
    />
  );
}
