// The shell: sign-in, the navigation limited to the pages the role may use, and the current page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PAGES } from './pages/index';
import { hrefOf, useRoute } from './router';
import { can, clearKey, openSession, storeKey, storedKey, type Session } from './session';
import { SignIn } from './sign-in';
import { ErrorBanner } from './ui/error-banner';
import { Loading } from './ui/loading';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    openSession(key).then(
      (opened) => {
        setSession(opened);
        setRestoring(false);
      },
      (failure: unknown) => {
        clearKey();
        setError(failure);
        setRestoring(false);
      },
    );
  }, []);

  const signIn = async (key: string): Promise<void> => {
    setError(null);
    try {
      const opened = await openSession(key);
      storeKey(key);
      setSession(opened);
    } catch (failure) {
      setError(failure);
    }
  };

  const signOut = (): void => {
    clearKey();
    setSession(null);
    setError(null);
    location.hash = '';
  };

  if (restoring) return <main id="main"><Loading label="Signing in…" /></main>;
  if (!session) return <SignIn onSignIn={signIn} error={error} />;
  return <Shell session={session} onSignOut={signOut} />;
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute();
  const visible = PAGES.filter((page) => can(session, page.permission));
  const page = PAGES.find((candidate) => candidate.path === route.path) ?? null;
  const heading = useRef<HTMLElement>(null);
  // A page the role may not use is not in the navigation; opened by its address it still renders, and the api's
  // 403 shows on it plainly (the api decides, not the console).
  const current = page ?? (route.path === '/' ? visible[0] ?? null : null);
  const permitted = current === null || can(session, current.permission);

  useEffect(() => {
    document.title = current ? `${current.title} · Tally` : 'Tally console';
    heading.current?.focus();
  }, [current?.path]);

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); heading.current?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Tally</span>
        <nav aria-label="Pages">
          <ul>
            {visible.map((item) => (
              <li key={item.path}>
                <a href={hrefOf(item.path)} aria-current={current?.path === item.path ? 'page' : undefined}>
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            Signed in as <strong data-testid="role">{session.role}</strong>
          </span>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={heading}>
        {!permitted && current ? (
          <p class="notice" data-testid="not-permitted">
            The {session.role} role does not have {current.permission}; this page is not in your navigation, and the api
            may refuse what it asks.
          </p>
        ) : null}
        {current ? (
          <current.component session={session} params={route.params} />
        ) : visible.length === 0 ? (
          <p>The {session.role} role has no page in the console. The api is documented at <a href="/docs">/docs</a>.</p>
        ) : (
          <ErrorBanner error={new Error(`There is no page at ${route.path}.`)} />
        )}
      </main>
    </div>
  );
}
