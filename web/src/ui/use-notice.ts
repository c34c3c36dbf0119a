import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.js';

/**
 * A message kept as what it says, not in words: it is worded at each render, so a status line or
 * an error follows a language switch. A server's error keeps the words it was sent in.
 */
export type Notice = { key: string; values?: Record<string, string | number> } | { error: unknown };

/** The notice in the language now shown. */
export function useNoticeText(notice: Notice | null): string | null {
  const { t } = useTranslation();
  if (notice === null) return null;
  return 'key' in notice ? t(notice.key, notice.values) : errorMessage(notice.error);
}

/** State holding a notice; answers it worded in the language now shown. */
export function useNotice(initial: Notice | null = null): [string | null, Dispatch<SetStateAction<Notice | null>>] {
  const [notice, setNotice] = useState<Notice | null>(initial);
  return [useNoticeText(notice), setNotice];
}
