/*
 * Prints the plan in a share-link hash as JSON ("null" when it does not open), for e2e/fixtures.ts.
 * A separate process run by tsx: Playwright's own loader drops the JSON import attribute the share
 * codec's frozen base needs, so the codec cannot be imported into the test files themselves.
 */
import { decodeShareLink } from '../src/core/share/shareLink';

const result = await decodeShareLink(process.argv[2] ?? '');
process.stdout.write(JSON.stringify(result.ok ? result.plan : null));
