import { grantStatusLabel, type GrantStatus } from '../../domain/funding/grant-application';

export function StatusBadge({ status }: { status: GrantStatus }) {
  return <span className={`status status--${status}`}>{grantStatusLabel(status)}</span>;
}
