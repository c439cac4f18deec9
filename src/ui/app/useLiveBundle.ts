import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { GeneratedFile, Plan } from '../../core/index';
import { bootFilesFor } from '../boot/bootBundle';
import { onFirstInteraction } from '../boot/firstInteraction';
import type { Live } from '../form/live';
import { loadEngine, useEngine, type Engine } from '../useEngine';
import { preloadLazyParts } from './lazyParts';

export interface LiveBundle {
  readonly live: Live;
  readonly engine: Engine | null;
  /** The build-time files of the default plan, while they stand for the generator. */
  readonly boot: ReturnType<typeof bootFilesFor>;
  /** The last files that generated (shown, marked stale, while the plan has errors). */
  readonly lastGood: readonly GeneratedFile[];
}

/**
 * The form's values run through the core as the user types (deferred, so typing stays smooth). A
 * first visit on the default plan starts from the build-time bundle; anything else needs the core now.
 */
export function useLiveBundle(json: string, start: Plan): LiveBundle {
  const deferredJson = useDeferredValue(json);
  const engine = useEngine();
  const [boot] = useState(() => bootFilesFor(JSON.stringify(start), start.peers[0]!.tunnel.psk));
  useEffect(() => (boot ? onFirstInteraction(() => void loadEngine()) : (void loadEngine(), undefined)), [boot]);
  useEffect(() => {
    if (engine) preloadLazyParts();
  }, [engine]);
  const live = useMemo<Live>(() => {
    const values = JSON.parse(deferredJson) as Plan;
    if (!engine) return boot ? { values, findings: boot.findings, files: boot.files } : { values, findings: [], files: [] };
    const bundle = engine.generate(values);
    return { values, plan: bundle.plan, findings: bundle.findings, files: bundle.files };
  }, [deferredJson, engine, boot]);
  const [lastGood, setLastGood] = useState<readonly GeneratedFile[]>(live.files);
  if (live.files.length > 0 && live.files !== lastGood) setLastGood(live.files);
  return { live, engine, boot, lastGood };
}
