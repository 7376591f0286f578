// An api error shown plainly: its status, code and message (a 403 says which role may not do what).
import { isApiError } from '../api';

export type ErrorBannerProps = { error: unknown; title?: string };

export const describeError = (error: unknown): string => {
  if (isApiError(error)) {
    const label = error.status === 403 ? 'Forbidden' : error.status === 401 ? 'Not signed in' : error.status === 409 ? 'Conflict' : `Error ${error.status}`;
    return `${label} (${error.status} ${error.error}): ${error.message}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
};

export function ErrorBanner({ error, title }: ErrorBannerProps) {
  if (error === null || error === undefined) return null;
  return (
    <div class="error-banner" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {describeError(error)}
    </div>
  );
}
