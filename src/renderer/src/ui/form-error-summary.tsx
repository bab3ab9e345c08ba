import { errorSummary } from './form-errors';

/**
 * Above a form after a refused save: how many fields to correct, and that nothing was saved; plus a
 * refusal that belongs to no field (a rule that needs other records).
 */
export function FormErrorSummary({
  errorCount,
  submitted,
  refusal,
  refusals = [],
}: {
  errorCount: number;
  submitted: boolean;
  refusal?: string | undefined;
  refusals?: readonly string[];
}) {
  return (
    <>
      {submitted && errorCount > 0 ? (
        <div className="form-errors-summary" role="alert">
          {errorSummary(errorCount)}
        </div>
      ) : null}
      {refusal ? (
        <div className="form-errors-summary" role="alert">
          {refusal}
        </div>
      ) : null}
      {refusals.map((message) => (
        <div key={message} className="form-errors-summary" role="alert">
          {message}
        </div>
      ))}
    </>
  );
}
