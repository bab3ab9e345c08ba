import { forwardRef, type ReactNode } from 'react';
import { TextField } from './field';

/**
 * A passphrase: hidden, required, and named for the browser's password manager as the one in use
 * (`current`: unlock, change, remove the protection) or a new one (protect, change).
 */
export const PassphraseField = forwardRef<
  HTMLInputElement,
  {
    label: string;
    value: string;
    onChange: (value: string) => void;
    purpose: 'current' | 'new';
    error?: string | undefined;
    hint?: ReactNode;
    autoFocus?: boolean;
  }
>(function PassphraseField({ label, value, onChange, purpose, error, hint, autoFocus }, ref) {
  return (
    <TextField
      ref={ref}
      label={label}
      type="password"
      hint={hint}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      autoComplete={purpose === 'current' ? 'current-password' : 'new-password'}
      autoFocus={autoFocus}
      required
    />
  );
});
