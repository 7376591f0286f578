// Sign-in asks for an API key; it goes to sessionStorage (and the Authorization header), nowhere else.
import { useState } from 'preact/hooks';
import { ErrorBanner } from './ui/error-banner';

export function SignIn({ onSignIn, error }: { onSignIn: (key: string) => Promise<void>; error: unknown }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!key.trim()) return;
    setBusy(true);
    try {
      await onSignIn(key.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Sign in to Tally</h1>
      <form onSubmit={submit} method="post" action="#" autocomplete="off">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(event) => setKey((event.target as HTMLInputElement).value)}
          aria-describedby="api-key-help"
        />
        <p id="api-key-help" class="help">
          A key made with <code>tally keys create</code> or <code>POST /v1/keys</code>. It is kept in this tab only and
          forgotten when you sign out or close the tab.
        </p>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ErrorBanner error={error} title="Sign-in failed" />
    </main>
  );
}
