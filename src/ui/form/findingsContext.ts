import { createContext, useContext } from 'react';
import type { Finding } from '../../core/index';

export const FindingsContext = createContext<readonly Finding[]>([]);

/** Findings for one control: its own path, and with `nested` also the paths below it (list items). */
export function useFieldFindings(path: string, nested = false): Finding[] {
  const findings = useContext(FindingsContext);
  return findings.filter((finding) => finding.path === path || (nested && finding.path.startsWith(`${path}.`)));
}
