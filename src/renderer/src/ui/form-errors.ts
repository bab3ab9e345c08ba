import type { FieldErrors, FieldValues } from 'react-hook-form';

/** The French message of a field, nested paths included (`receipts.0.date`). */
export function errorAt<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

export function errorSummary(count: number): string {
  return count === 1
    ? 'Un champ est à corriger avant d’enregistrer\u00a0: rien n’a été enregistré.'
    : `${count} champs sont à corriger avant d’enregistrer\u00a0: rien n’a été enregistré.`;
}

/** Counts the messages of a react-hook-form error tree, nested fields and lists included. */
export function countErrors(errors: unknown): number {
  if (errors === null || typeof errors !== 'object') return 0;
  if (typeof (errors as { message?: unknown }).message === 'string') return 1;
  return Object.values(errors).reduce<number>((sum, value) => sum + countErrors(value), 0);
}

/**
 * Focuses the first field in error in the form's order, once it is drawn, and brings it to the middle of
 * the window: react-hook-form focuses the first field registered, which is not the first on screen when
 * a field appeared later (« Motif du CDD » once CDD is chosen); and focusing alone may leave the field
 * under the sticky save bar at the bottom of a long form.
 */
export function revealFirstError(form: HTMLFormElement | null): void {
  window.requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    // Optional call: jsdom, where component tests run, has no scrollIntoView.
    first?.scrollIntoView?.({ block: 'center' });
  });
}
