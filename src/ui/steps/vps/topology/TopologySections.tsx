import { EgressSection } from './EgressSection';
import { ForwardsSection } from './ForwardsSection';
import { NicSection } from './NicSection';

/** Issue 11's questions, shown at the end of the VPS step. */
export function TopologySections() {
  return (
    <>
      <NicSection />
      <ForwardsSection />
      <EgressSection />
    </>
  );
}
