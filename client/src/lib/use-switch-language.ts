import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';

/** Switches between Vietnamese and English, and keeps the choice on the account so notices are mailed in it too. */
export function useSwitchLanguage(): () => void {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.notices.setLanguage.mutationOptions());
  return useCallback(() => {
    const next = i18n.language === 'en' ? 'vi' : 'en';
    void i18n.changeLanguage(next);
    mutate({ language: next });
  }, [i18n, mutate]);
}
