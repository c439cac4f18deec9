import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Plan } from '../../core/index';
import type { ShareFailure } from '../../core/share/shareLink';
import { loadDraft } from '../persistence/draft';
import { createHistoryWriter } from './historyWriter';
import { loadEngine } from '../useEngine';

export type LinkFailure = Exclude<ShareFailure, 'empty'>;

export interface LinkError {
  readonly reason: LinkFailure;
  readonly detail?: string;
}

const loadShare = () => import('../../core/share/shareLink');

interface Options {
  /** The hash the page opened with ('' for none). */
  readonly startHash: string;
  /** The values the form opened with (what a bare address means on Back). */
  readonly startValues: Plan;
  /** The current plan when it parses. */
  readonly plan: Plan | undefined;
  readonly json: string;
  readonly startJson: string;
  readonly form: Pick<UseFormReturn<Plan>, 'reset' | 'getValues'>;
  /** The link the page opened with was decoded: its plan, or null when it could not be opened. */
  readonly onOpened?: (plan: Plan | null, hasPsk: boolean) => void;
}

export interface ShareLinkSync {
  readonly shareUrl: string;
  readonly linkError: LinkError | null;
  readonly setLinkError: (error: LinkError | null) => void;
  readonly includePskInLink: boolean;
  readonly setIncludePskInLink: (include: boolean) => void;
  /** After a reset: the defaults are the new baseline and the address loses its plan. */
  readonly restart: (baseline: Plan) => void;
}

/**
 * The plan in the address bar: a link in it is opened once the page is up; later valid states are
 * written back (debounced); Back/Forward restore the state of their entry.
 */
export function useShareLinkSync({ startHash, startValues, plan, json, startJson, form, onOpened }: Options): ShareLinkSync {
  const opened = useRef(onOpened);
  useEffect(() => {
    opened.current = onOpened;
  });
  const { reset, getValues } = form;
  const [includePskInLink, setIncludePskInLink] = useState(false);
  const [linkError, setLinkError] = useState<LinkError | null>(null);
  const [shareUrl, setShareUrl] = useState(() => window.location.href);
  const baseline = useRef<Plan>(startValues);

  /** Puts a plan into the form. `keepCurrentPsk` for links without a key (history moves). */
  const applyPlan = useCallback(
    (next: Plan, keepCurrentPsk: boolean) => {
      const copy = structuredClone(next);
      if (keepCurrentPsk && !copy.peers[0]!.tunnel.psk) copy.peers[0]!.tunnel.psk = getValues('peers.0.tunnel.psk') ?? '';
      reset(copy);
    },
    [getValues, reset],
  );

  // A share link in the address bar when the page opens: decode it (the codec loads on demand).
  useEffect(() => {
    if (!startHash) return;
    let cancelled = false;
    void Promise.all([loadShare(), loadEngine()]).then(async ([{ decodeShareLink, encodeShareLink }, { parsePlan }]) => {
      const result = await decodeShareLink(startHash);
      if (cancelled) return;
      if (!result.ok) {
        if (result.reason !== 'empty') setLinkError({ reason: result.reason, detail: result.findings?.[0]?.path });
        opened.current?.(null, false);
        return;
      }
      const linked = structuredClone(result.plan);
      // The same plan as the saved draft (whose key the user chose to keep): keep that key.
      const draft = loadDraft();
      if (!result.hasPsk && draft?.keepPsk) {
        const parsed = parsePlan(draft.values);
        if (parsed.ok && (await encodeShareLink(parsed.plan)) === (await encodeShareLink(linked)))
          linked.peers[0]!.tunnel.psk = parsed.plan.peers[0]!.tunnel.psk;
        if (cancelled) return;
      }
      baseline.current = linked;
      reset(linked);
      opened.current?.(linked, result.hasPsk || linked.peers[0]!.tunnel.psk !== '');
    });
    return () => {
      cancelled = true;
    };
  }, [startHash, reset]);

  // The plan in the address bar, on meaningful (valid, changed) states, shortly after each edit:
  // one history entry per burst of typing, updated in place while it lasts (historyWriter.ts).
  const [writer] = useState(() => createHistoryWriter(window.history));
  useEffect(() => writer.dispose, [writer]);
  useEffect(() => {
    if (!plan) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void loadShare().then(async ({ encodeShareLink }) => {
        const hash = await encodeShareLink(plan, { includePsk: includePskInLink });
        if (cancelled) return;
        // The page's own first state (no link, untouched form) takes the current entry.
        if (hash !== window.location.hash) writer.write(hash, window.location.hash.length > 1 || json !== startJson);
        setShareUrl(window.location.href);
      });
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [plan, includePskInLink, json, startJson, writer]);

  // Back/forward: restore the state of that entry.
  useEffect(() => {
    const onPop = () => {
      writer.endBurst();
      const hash = window.location.hash;
      setShareUrl(window.location.href);
      if (hash.length <= 1) {
        applyPlan(baseline.current, true);
        return;
      }
      void loadShare().then(async ({ decodeShareLink }) => {
        const result = await decodeShareLink(hash);
        if (result.ok) {
          setLinkError(null);
          applyPlan(result.plan, !result.hasPsk);
        } else if (result.reason !== 'empty') setLinkError({ reason: result.reason, detail: result.findings?.[0]?.path });
      });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [applyPlan, writer]);

  const restart = useCallback(
    (next: Plan) => {
      writer.endBurst();
      baseline.current = next;
      setIncludePskInLink(false);
      setLinkError(null);
      window.history.pushState(null, '', window.location.pathname + window.location.search);
    },
    [writer],
  );

  return { shareUrl, linkError, setLinkError, includePskInLink, setIncludePskInLink, restart };
}
