import { fieldMessage } from './fields';

/** What a cross-field rule is handed by zod's superRefine (or withCrossFieldRules): where to add an issue. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/**
 * A cross-field rule's refusal, under the field it names and in the form's words: « Fin de l’aide : ne
 * peut pas être avant le début de l’aide. ». `path` is the field's key, or its path in a nested record.
 */
export function fieldIssue(ctx: IssueSink, path: string | readonly PropertyKey[], label: string, phrase: string): void {
  ctx.addIssue({ code: 'custom', path: typeof path === 'string' ? [path] : [...path], message: fieldMessage(label, phrase) });
}
