import {
  forwardRef,
  useId,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { UNREADABLE_DATE_INPUT } from '../domain/fields';
import { useSteadyWhilePressed } from './steady-while-pressed';

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

/** Label above, hint and the French error message below, tied to the control for screen readers. */
function FieldShell({ label, error: latestError, hint: latestHint, required, children }: FieldShellProps) {
  // Never moves the form under a pressed mouse (a blur's error would push « Enregistrer » away from it); the
  // hint holds still too, since a form may swap a warning hint for the error (the payment dialog does).
  const error = useSteadyWhilePressed(latestError);
  const hint = useSteadyWhilePressed(latestHint);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={inputId} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ inputId, describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
};

// A date input holding 31/02/2026 or a half-typed date has an empty value and validity.badInput: the
// form is told UNREADABLE_DATE_INPUT instead, so that the field is refused rather than saved empty.
// (No `type` on the target: react-hook-form then takes the value from the event, not the element.)
function readingBadDates<E extends FocusEvent<HTMLInputElement> | ChangeEvent<HTMLInputElement>>(
  handler: ((event: E) => unknown) | undefined,
) {
  if (!handler) return undefined;
  return (event: E) => {
    const target = event.target;
    if (!target.validity?.badInput) return handler(event);
    return handler({ type: event.type, target: { name: target.name, value: UNREADABLE_DATE_INPUT } } as unknown as E);
  };
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, error, hint, required, ...props }, ref) {
  const input =
    props.type === 'date' ? { ...props, onChange: readingBadDates(props.onChange), onBlur: readingBadDates(props.onBlur) } : props;
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => (
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          className="field__control"
          {...input}
        />
      )}
    </FieldShell>
  );
});

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
};

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, error, hint, required, ...textarea },
  ref,
) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => (
        <textarea
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="field__control field__control--multiline"
          rows={3}
          {...textarea}
        />
      )}
    </FieldShell>
  );
});

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, error, hint, required, options, ...select },
  ref,
) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => (
        <select
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="field__control"
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
});

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  label: string;
  hint?: ReactNode;
};

export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField({ label, hint, ...input }, ref) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input ref={ref} id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
});
