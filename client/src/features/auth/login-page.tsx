import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMessages } from '../../lib/messages';
import { useTRPC } from '../../lib/trpc';

/** Only same-site paths: a forged `next` cannot send the user elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { describe } = useMessages();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (me) => {
        queryClient.clear();
        const home = me.role === 'unit_head' && me.unitCode ? `/units/${me.unitCode}` : '/';
        const next = safeNext(params.get('next'));
        await navigate(me.role === 'unit_head' && (!next || next === '/') ? home : (next ?? home), { replace: true });
      },
    }),
  );
  return (
    <main id="main" className="login">
      <form
        className="card login-card"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate({ username, password });
        }}
      >
        <h1>chiso · {t('auth.title')}</h1>
        <label>
          {t('auth.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('auth.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {login.error && (
          <p className="status-error" role="alert">
            {describe(login.error)}
          </p>
        )}
        <button type="submit" disabled={login.isPending}>{login.isPending ? t('auth.submitting') : t('auth.submit')}</button>
        <p className="muted small">{t('auth.demoHint')}</p>
        <button type="button" className="link" lang={i18n.language === 'en' ? 'vi' : 'en'} onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'vi' : 'en')}>
          {t('language.switchTo')}
        </button>
      </form>
    </main>
  );
}
